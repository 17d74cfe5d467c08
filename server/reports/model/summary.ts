import { formatShare } from "@/lib/format";

/**
 * The executive summary of a monthly report: sentences computed from the numbers, never written by hand. Pure.
 */
export type SummaryFacts = {
  customerName: string;
  monthLabel: string;
  alertsReceived: number;
  alertsEscalated: number;
  incidents: { severity: number; contained: boolean; containedInSla: boolean | null }[];
  attainment: number | null;
  breaches: number;
  waitingOnCustomer: number;
  /** The month's posture score, the one before, and the drivers that moved most. */
  posture?: { score: number; band: string; previousScore: number; movers: { label: string; change: number }[] };
};

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const SEVERITY_WORD: Record<number, string> = {
  5: "critical",
  4: "high-severity",
  3: "medium-severity",
  2: "low-severity",
};

export function executiveSummary(f: SummaryFacts): string[] {
  const out: string[] = [];
  out.push(
    f.alertsReceived === 0
      ? `No alerts were received from ${f.customerName}'s sensors in ${f.monthLabel}.`
      : `In ${f.monthLabel} we received ${plural(f.alertsReceived, "alert")} from your sensors; ${plural(f.alertsEscalated, "alert")} became part of an incident.`,
  );
  if (f.posture) out.push(...postureSentences(f.posture));
  if (f.incidents.length === 0) {
    out.push("No incidents were opened with you this month.");
  } else {
    out.push(`We opened ${plural(f.incidents.length, "incident")} with you.`);
    for (const sev of [5, 4]) {
      const list = f.incidents.filter((i) => i.severity === sev);
      if (!list.length) continue;
      const contained = list.filter((i) => i.contained).length;
      const inSla = list.filter((i) => i.containedInSla === true).length;
      const word = SEVERITY_WORD[sev]!;
      if (contained === list.length && inSla === list.length) {
        out.push(
          list.length === 1
            ? `The ${word} incident was contained within the SLA.`
            : `All ${list.length} ${word} incidents were contained within the SLA.`,
        );
      } else {
        out.push(`${plural(list.length, `${word} incident`)}: ${contained} contained, ${inSla} within the SLA.`);
      }
    }
  }
  if (f.attainment !== null) {
    const pct = formatShare(f.attainment);
    out.push(
      f.breaches === 0
        ? `Every SLA target was met (${pct}).`
        : `${pct} of SLA targets were met; ${plural(f.breaches, "target")} missed.`,
    );
  }
  if (f.waitingOnCustomer > 0)
    out.push(
      `${plural(f.waitingOnCustomer, "item")} ${f.waitingOnCustomer === 1 ? "is" : "are"} waiting on your team.`,
    );
  return out;
}

const signed = (n: number) => `${n > 0 ? "+" : "−"}${Math.abs(Math.round(n))}`;

function postureSentences(p: NonNullable<SummaryFacts["posture"]>): string[] {
  const diff = p.score - p.previousScore;
  const out = [
    `Your posture score is ${p.score} of 100 (${p.band})${
      diff === 0
        ? ", unchanged from last month"
        : `, ${diff > 0 ? "up" : "down"} ${Math.abs(diff)} from ${p.previousScore} last month`
    }.`,
  ];
  if (p.movers.length)
    out.push(
      `It moved most on ${p.movers.map((m) => `${m.label.toLowerCase()} (${signed(m.change)})`).join(" and ")}.`,
    );
  return out;
}
