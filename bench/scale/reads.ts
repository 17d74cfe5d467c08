/**
 * The console's and portal's own read functions called on the built data (as `bench/visibility.ts` does): each must
 * answer, and answer with rows. A first sight of the figures (one call each, cold); the load run measures them.
 */
import type { Db } from "@/db";
import { queueFilter } from "@/server/alerts/schema";
import { getQueue } from "@/server/alerts/service";
import { coverageMatrix, customerCoverage } from "@/server/coverage/views";
import { incidentFilter } from "@/server/incidents/schema";
import { getIncident, listIncidents } from "@/server/incidents/service";
import { postureOverview } from "@/server/posture/service";
import { reportMatrix } from "@/server/reports/views";
import { listRosters } from "@/server/roster/people";
import { attainmentPage, monthOverall, riskNow, slaMonth } from "@/server/sla/views";
import { mintTenantId, systemContext } from "@/server/tenancy/tenant";
import type { Plan } from "./plan";

export async function checkReads(db: Db, plan: Plan, log: (s: string) => void) {
  const now = () => plan.now;
  const staff = {
    ...systemContext(db, "scale-check"),
    now,
    actor: { side: "staff" as const, role: "soc_manager" as const },
  };
  const big = [...plan.customers].sort((a, b) => b.alerts - a.alerts)[0]!;
  const tenant = { ...staff, tenant: mintTenantId(big.id) };
  const month = plan.now.toISOString().slice(0, 7);
  const results: [string, number][] = [];
  const call = async <T>(what: string, fn: () => Promise<T>, size: (x: T) => number) => {
    const t = performance.now();
    const x = await fn();
    const ms = performance.now() - t;
    const n = size(x);
    if (!n) throw new Error(`scale build: ${what} returned nothing`);
    results.push([what, ms]);
    log(`  ${what}: ${n.toLocaleString("en-GB")} in ${ms.toFixed(0)} ms`);
    return x;
  };
  await call(
    "queue (open)",
    () => getQueue(staff, queueFilter.parse({}), plan.now),
    (x) => x.total,
  );
  await call(
    "queue (critical, one customer)",
    () => getQueue(staff, queueFilter.parse({ customerId: big.id, status: "all", severity: 5 }), plan.now),
    (x) => x.total,
  );
  const list = await call(
    "incidents (open, urgency)",
    () => listIncidents(staff, incidentFilter.parse({ status: "open" })),
    (x) => x.total,
  );
  await call(
    "incident workspace",
    () => getIncident({ ...staff, tenant: mintTenantId(list.rows[0]!.customerId) }, list.rows[0]!.id),
    (x) => x.timeline.length,
  );
  await call(
    "SLA 6-month page (25 customers, worst first)",
    () => attainmentPage(staff, { months: 6, sort: "worst", page: 1, pageSize: 25 }),
    (x) => x.cells.length + 1,
  );
  await call(
    "SLA latest month, every customer (manager's home)",
    () => monthOverall(staff),
    (x) => x.cells.length,
  );
  await call(
    "SLA at risk now",
    () => riskNow(staff),
    (x) => x.rows.length + 1,
  );
  await call(
    "SLA month of the largest customer",
    () => slaMonth(tenant, month),
    (x) => x.timeTo.length + 1,
  );
  await call(
    "coverage matrix",
    () => coverageMatrix(staff, { state: "all", page: 1 }),
    (x) => x.summary.customers,
  );
  await call(
    "customer coverage page",
    () => customerCoverage(tenant),
    (x) => x.sensors.length,
  );
  await call(
    "reports matrix (12 months, 25 customers, missing first)",
    () => reportMatrix(staff, { months: 12, sort: "attention", page: 1, pageSize: 25 }, plan.now),
    (x) => x.customers.reduce((n, c) => n + c.cells.filter((k) => k.latest).length, 0),
  );
  await call(
    "rosters",
    () => listRosters(staff),
    (x) => x.length,
  );
  await call(
    "posture overview",
    () => postureOverview(staff, { sort: "score", page: 1, pageSize: 25 }),
    (x) => x.customers,
  );
  return results;
}
