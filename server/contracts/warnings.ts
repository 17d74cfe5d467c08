import { Temporal } from "temporal-polyfill";

/**
 * What a SOC manager must hear about a contract today: renewal decisions coming due, expiry, and deployments beyond
 * what was sold. Pure: `today` is a local date (YYYY-MM-DD) in the customer's zone.
 */
export type ContractFacts = {
  startDate: string;
  endDate: string;
  autoRenew: boolean;
  noticeDays: number;
  licensedEndpoints: number;
  licensedSensors: number;
  monitoredClasses: string[];
};
export type Deployment = { activeSensors: number; endpoints: number; classes: string[] };
export type Warning = {
  kind:
    | "renewal_due"
    | "notice_passed"
    | "expired"
    | "not_started"
    | "endpoints_over"
    | "sensors_over"
    | "class_unmonitored"
    | "class_missing";
  level: "info" | "warning" | "danger";
  message: string;
};

export const RENEWAL_LOOKAHEAD_DAYS = 60;

const CLASS_NAMES: Record<string, [string, string]> = {
  edr: ["an", "EDR"],
  ndr: ["an", "NDR"],
  xdr: ["an", "XDR integration"],
  siem: ["a", "SIEM log source"],
  cloud: ["a", "cloud"],
  identity: ["an", "identity"],
  email: ["an", "e-mail"],
};
const className = (c: string) => CLASS_NAMES[c] ?? ["a", c];
const capitalise = (s: string) => `${s[0]?.toUpperCase() ?? ""}${s.slice(1)}`;

export function contractWarnings(c: ContractFacts, d: Deployment, today: string): Warning[] {
  const out: Warning[] = [];
  const t = Temporal.PlainDate.from(today);
  const end = Temporal.PlainDate.from(c.endDate);
  const start = Temporal.PlainDate.from(c.startDate);
  const noticeBy = end.subtract({ days: c.noticeDays });
  const daysToNotice = t.until(noticeBy, { largestUnit: "days" }).days;
  if (Temporal.PlainDate.compare(t, start) < 0) {
    out.push({ kind: "not_started", level: "info", message: `Starts on ${c.startDate}.` });
  }
  if (Temporal.PlainDate.compare(t, end) > 0) {
    out.push(
      c.autoRenew
        ? {
            kind: "renewal_due",
            level: "info",
            message: `Renewed automatically after ${c.endDate}; record the new term.`,
          }
        : { kind: "expired", level: "danger", message: `Expired on ${c.endDate}.` },
    );
  } else if (daysToNotice < 0) {
    out.push({
      kind: "notice_passed",
      level: c.autoRenew ? "info" : "warning",
      message: c.autoRenew
        ? `Notice period has passed: it renews on ${c.endDate}.`
        : `Notice period has passed; it ends on ${c.endDate} without renewal.`,
    });
  } else if (daysToNotice <= RENEWAL_LOOKAHEAD_DAYS) {
    out.push({
      kind: "renewal_due",
      level: daysToNotice <= 14 ? "warning" : "info",
      message: `Renewal decision due by ${noticeBy.toString()} (${daysToNotice} days; ${c.noticeDays} days' notice before ${c.endDate}).`,
    });
  }
  if (d.endpoints > c.licensedEndpoints) {
    out.push({
      kind: "endpoints_over",
      level: "warning",
      message: `${d.endpoints} endpoints deployed, ${c.licensedEndpoints} licensed.`,
    });
  }
  if (d.activeSensors > c.licensedSensors) {
    out.push({
      kind: "sensors_over",
      level: "warning",
      message: `${d.activeSensors} sensors active, ${c.licensedSensors} licensed.`,
    });
  }
  for (const cls of d.classes) {
    if (!c.monitoredClasses.includes(cls)) {
      out.push({
        kind: "class_unmonitored",
        level: "info",
        message: `${className(cls)[0] === "an" ? "An" : "A"} ${className(cls)[1]} sensor is connected but ${className(cls)[1]} monitoring is not in the contract.`,
      });
    }
  }
  for (const cls of c.monitoredClasses) {
    if (!d.classes.includes(cls)) {
      out.push({
        kind: "class_missing",
        level: "warning",
        message: `${capitalise(className(cls)[1])} monitoring is sold but no ${className(cls)[1]} sensor is active.`,
      });
    }
  }
  return out;
}
