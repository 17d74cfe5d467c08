import type { Db } from "@/db";
import { escalate } from "@/server/alerts/service";
import { defaultTerms } from "@/server/contracts/service";
import * as inc from "@/server/incidents/service";
import { mintTenantId, type StaffContext } from "@/server/tenancy/tenant";
import { callerAs, type createWorld, insertTestAlert } from "./factories";

type World = Awaited<ReturnType<typeof createWorld>>;
export type MonthIncident = {
  minute: number;
  severity: number;
  title?: string;
  /** Opened to the customer (default true). */
  share?: boolean;
  /** An approval asked of the customer, on a shared incident. */
  action?: { kind: "isolate_host" | "disable_account" | "block_indicator" | "other"; target: string; reason: string };
};

/**
 * Customer A of a test world with an MDR contract (Europe/Berlin) and incidents worked through the real services in
 * October 2026: each escalated from a credential-access alert, acknowledged, (shared,) contained an hour later.
 */
export async function seedReportMonth(
  db: Db,
  w: World,
  incidents: MonthIncident[],
  t0 = new Date("2026-10-05T09:00:00Z"),
) {
  const at = (min: number) => new Date(t0.getTime() + min * 60_000);
  await callerAs(db, w.staff.manager).contracts.create({
    customerId: w.a.customer.id,
    reference: "A-MDR",
    terms: defaultTerms("mdr", "Europe/Berlin", "2026-01-01"),
    effectiveFrom: new Date("2026-01-01T00:00:00Z"),
  });
  const analyst: StaffContext = { db, actor: { side: "staff", role: "analyst" }, user: w.staff.analyst };
  const tenant = mintTenantId(w.a.customer.id);
  for (const i of incidents) {
    const a = await insertTestAlert(db, w.a.customer.id, {
      severity: i.severity,
      ...(i.title ? { title: i.title } : {}),
      receivedAt: at(i.minute),
      eventTime: at(i.minute),
      techniques: ["T1003.001"],
      tactics: ["TA0006"],
      // A response action must aim at the incident's own host.
      ...(i.action?.kind === "isolate_host" ? { host: i.action.target } : {}),
    });
    const { incidentId } = await escalate({ ...analyst, now: () => at(i.minute + 2) }, [a.id]);
    const ctx = (m: number) => ({ ...analyst, tenant, now: () => at(i.minute + m) });
    await inc.acknowledge(ctx(5), incidentId);
    if (i.share !== false) await inc.openToCustomer(ctx(10), incidentId, "We are on it.");
    await inc.setStatus(ctx(60), incidentId, "contained");
    if (i.action) await inc.requestAction(ctx(20), incidentId, i.action);
  }
  return { at };
}
