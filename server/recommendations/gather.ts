import type { DbOrTx } from "@/db";
import { findCustomer } from "@/server/customers/queries";
import { ACTION_LABELS, incidentReference, severityName } from "@/server/incidents/severity";
import type { TenantId } from "@/server/tenancy/tenant";
import { coverageFactsOf } from "./coverage-facts";
import type { CustomerFacts, RecSeverity } from "./facts";
import { listAsksSince, listIncidentsSince, listWaitingActions } from "./queries";

const DAY = 86_400_000;

export type KnownFacts = {
  customer?: { slug: string; timezone: string } | null;
  unsupported?: ReadonlySet<string>;
  /**
   * Only what the rules read (the evaluation job): no sensor availability and no asks, which only the score reads;
   * the availability is the heaviest read of all (each sensor's heartbeat history over the period).
   */
  rulesOnly?: boolean;
};

/**
 * A customer's facts for the rules at `period.to` and for the score over `period` (a calendar `month` when given:
 * coverage as the monthly report tells it). Incidents are read from 30 days before the period (the
 * repeated-technique rule looks back 30 days from its instant).
 * `known` is what a caller over many customers has read already (the hourly job: the customer row from its list, the
 * unsupported agent versions once per run); the facts are the same with or without it. With `rulesOnly` the score's
 * own facts (availability, asks) are left empty: the rules give the same findings (`evaluation.int.test.ts`).
 */
export async function gatherFacts(
  db: DbOrTx,
  tenant: TenantId,
  period: { from: Date; to: Date },
  month?: string,
  known: KnownFacts = {},
): Promise<CustomerFacts> {
  const since = new Date(Math.min(period.from.getTime(), period.to.getTime() - 30 * DAY));
  const [customer, coverage, waiting, incidents, asks] = await Promise.all([
    known.customer ?? findCustomer(db, tenant),
    coverageFactsOf(db, tenant, period, month, { ...known, availability: !known.rulesOnly }),
    listWaitingActions(db, tenant),
    listIncidentsSince(db, tenant, since),
    known.rulesOnly ? [] : listAsksSince(db, tenant, period.from),
  ]);
  const slug = customer?.slug ?? "";
  return {
    customerId: tenant,
    timeZone: customer?.timezone ?? "UTC",
    ...coverage,
    waitingActions: waiting.map((a) => ({
      id: a.id,
      incidentId: a.incidentId,
      reference: incidentReference(slug, a.number),
      label: `${ACTION_LABELS[a.kind]} — ${a.target}`,
      since: a.since,
    })),
    incidents: incidents.map((i) => ({
      id: i.id,
      reference: incidentReference(slug, i.number),
      severity: severityName(i.severity) as RecSeverity | "informational",
      truePositive: !i.falseAlarm,
      openedAt: i.openedAt,
      techniques: i.techniques,
      visibleToCustomer: i.visibleToCustomer,
    })),
    asks,
  };
}
