import type { CoverageJson, SlaTargets, Tier } from "@/db/schema/contracts";
import type { SensorClass } from "@/db/schema/sensors";

/** What each tier sells by default; a contract starts from its template and may change any term. Pure. */
export const TIER_LABELS: Record<Tier, string> = {
  mdr: "MDR — managed detection and response (endpoint)",
  mndr: "MNDR — managed network detection and response",
  mxdr: "MXDR — extended (endpoint, network, identity, cloud)",
  mss: "MSS — managed security services (business hours)",
};
export const TIER_SHORT: Record<Tier, string> = { mdr: "MDR", mndr: "MNDR", mxdr: "MXDR", mss: "MSS" };

const H = 60;
const standard: SlaTargets = {
  critical: { acknowledge: 15, notify: 30, contain: 4 * H, resolve: 24 * H },
  high: { acknowledge: 30, notify: 60, contain: 8 * H, resolve: 48 * H },
  medium: { acknowledge: 2 * H, notify: 4 * H, contain: 24 * H, resolve: 5 * 24 * H },
  low: { acknowledge: 24 * H, notify: 48 * H, contain: null, resolve: 10 * 24 * H },
};

export type Template = {
  monitoredClasses: SensorClass[];
  slaTargets: SlaTargets;
  coverage: (timeZone: string) => CoverageJson;
  pauseOnCustomer: boolean;
  allowedActions: ("isolate_host" | "disable_account" | "block_indicator")[];
};

const always = (): CoverageJson => ({ kind: "24x7" });
export const officeHours = (timeZone: string): CoverageJson => ({
  kind: "business",
  timeZone,
  weekdays: Object.fromEntries(["1", "2", "3", "4", "5"].map((d) => [d, [{ start: "08:00", end: "18:00" }]])),
  holidays: [],
});

export const TEMPLATES: Record<Tier, Template> = {
  mdr: {
    monitoredClasses: ["edr"],
    slaTargets: standard,
    coverage: always,
    pauseOnCustomer: true,
    allowedActions: ["isolate_host"],
  },
  mndr: {
    monitoredClasses: ["ndr"],
    slaTargets: { ...standard, critical: { acknowledge: 15, notify: 30, contain: 6 * H, resolve: 24 * H } },
    coverage: always,
    pauseOnCustomer: true,
    allowedActions: ["block_indicator"],
  },
  mxdr: {
    monitoredClasses: ["edr", "ndr", "identity", "cloud"],
    slaTargets: {
      critical: { acknowledge: 10, notify: 20, contain: 2 * H, resolve: 12 * H },
      high: { acknowledge: 20, notify: 45, contain: 6 * H, resolve: 36 * H },
      medium: { acknowledge: 60, notify: 2 * H, contain: 12 * H, resolve: 3 * 24 * H },
      low: { acknowledge: 12 * H, notify: 24 * H, contain: null, resolve: 7 * 24 * H },
    },
    coverage: always,
    pauseOnCustomer: true,
    allowedActions: ["isolate_host", "disable_account", "block_indicator"],
  },
  mss: {
    monitoredClasses: ["siem"],
    slaTargets: {
      critical: { acknowledge: 60, notify: 2 * H, contain: null, resolve: 3 * 24 * H },
      high: { acknowledge: 2 * H, notify: 4 * H, contain: null, resolve: 5 * 24 * H },
      medium: { acknowledge: 8 * H, notify: 16 * H, contain: null, resolve: 10 * 24 * H },
      low: { acknowledge: 24 * H, notify: null, contain: null, resolve: null },
    },
    coverage: officeHours,
    pauseOnCustomer: true,
    allowedActions: [],
  },
};
