import type { DbOrTx } from "@/db";
import { assertCan } from "@/server/auth/permissions";
import { type SensorState, sensorHealth } from "@/server/coverage/health";
import { NotFound } from "@/server/errors";
import { type ActorContext, clockOf, type TenantContext, type TenantId } from "@/server/tenancy/tenant";
import { heatMap, providerHeatMap } from "./heatmap";
import type { VisibilityClass } from "./mapping";
import {
  allSensorFactsAt,
  countActiveCustomers,
  detectedTechniques,
  type SensorFactsAt,
  sensorFactsAt,
} from "./queries";
import { providedClasses } from "./sensor-classes";

export const DETECTED_WINDOW_MS = 90 * 86_400_000;
const NO_VERSIONS: ReadonlySet<string> = new Set();

/**
 * THE adapter from sensor health to visibility (coverage-rules.md: a class is visible with at least one healthy or
 * degraded sensor; xdr counts as each class it provides), on the coverage domain's one health rule. An unsupported
 * agent version only makes a sensor degraded, which still sees, so no version list is needed here.
 */
export function classesVisible(rows: readonly SensorFactsAt[], at: Date): VisibilityClass[] {
  return classesSeeing(
    rows.map((s) => ({ ...s, state: sensorHealth(s, NO_VERSIONS, at).state, providesClasses: s.provides })),
  );
}

/** The classes with at least one healthy or degraded sensor, from states already decided. */
export function classesSeeing(
  list: readonly { state: SensorState; sensorClass: string; providesClasses: readonly string[] }[],
): VisibilityClass[] {
  const out = new Set<VisibilityClass>();
  for (const s of list) {
    if (s.state !== "healthy" && s.state !== "degraded") continue;
    for (const c of providedClasses(s.sensorClass, s.providesClasses)) out.add(c);
  }
  return [...out].sort();
}

/** The classes of a customer that see anything at `at`. */
export async function visibleClasses(db: DbOrTx, tenant: TenantId, at: Date) {
  return classesVisible(await sensorFactsAt(db, tenant, at), at);
}

export async function getHeatMap(ctx: TenantContext) {
  assertCan(ctx.actor, "sensor:read");
  const now = clockOf(ctx);
  const [classes, detected] = await Promise.all([
    visibleClasses(ctx.db, ctx.tenant, now),
    detectedTechniques(
      ctx.db,
      ctx.tenant,
      new Date(now.getTime() - DETECTED_WINDOW_MS),
      now,
      ctx.actor.side === "customer",
    ),
  ]);
  return { at: now, ...heatMap(classes, detected) };
}

/** Provider-wide: how many customers see each technique. */
export async function getProviderVisibility(ctx: ActorContext) {
  assertCan(ctx.actor, "sensor:read");
  if (ctx.actor.side !== "staff") throw new NotFound("No such view.");
  const now = clockOf(ctx);
  const [rows, customers] = await Promise.all([allSensorFactsAt(ctx.db, now), countActiveCustomers(ctx.db)]);
  const by = new Map<string, SensorFactsAt[]>();
  for (const r of rows) by.set(r.customerId, [...(by.get(r.customerId) ?? []), r]);
  const perCustomer: VisibilityClass[][] = [...by.values()].map((list) => classesVisible(list, now));
  while (perCustomer.length < customers) perCustomer.push([]);
  return { at: now, customers, columns: providerHeatMap(perCustomer) };
}

/** Every customer's sensors as facts at an instant (the hunts read them through here). */
export { allSensorFactsAt, type SensorFactsAt } from "./queries";
