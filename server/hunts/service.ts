import { technique } from "@/server/attack/attack";
import { actorOf, recordAudit } from "@/server/audit/service";
import { assertCan } from "@/server/auth/permissions";
import { Invalid, NotFound } from "@/server/errors";
import { findMembership } from "@/server/tenancy/queries";
import { type ActorContext, clockOf, type TenantContext } from "@/server/tenancy/tenant";
import type { VisibilityClass } from "@/server/visibility/mapping";
import { allSensorFactsAt, classesVisible, type SensorFactsAt } from "@/server/visibility/service";
import { canMove, checkConclusion, type HuntOutcome, type HuntStatus, ownOutcome } from "./lifecycle";
import * as q from "./queries";
import type { HuntInput, HuntPatch } from "./schema";
import { checkDataSources } from "./sources";

export async function listHunts(ctx: ActorContext, f: { status?: HuntStatus; customerId?: string }) {
  assertCan(ctx.actor, "hunt:read");
  const rows = await q.listHuntsAll(ctx.db, f);
  return rows.map((r) => ({ ...r.hunt, analystName: r.analystName }));
}

export async function getHunt(ctx: ActorContext, id: string) {
  assertCan(ctx.actor, "hunt:read");
  const row = await q.findHunt(ctx.db, id);
  if (!row) throw new NotFound("No such hunt.");
  const now = clockOf(ctx);
  const [scope, recs, sensors] = await Promise.all([
    q.listScope(ctx.db, row.hunt),
    q.huntRecommendations(ctx.db, id),
    allSensorFactsAt(ctx.db, now),
  ]);
  const visible = visibleByCustomer(sensors, now);
  return {
    ...row.hunt,
    analystName: row.analystName,
    techniqueNames: row.hunt.techniques.map((t) => ({ id: t, name: technique(t)?.name ?? t })),
    /** The data sources needed with the classes that observe each; checked against each customer in scope now. */
    needs: checkDataSources(row.hunt.dataComponents, []).checks.map(({ name, observableBy }) => ({
      name,
      observableBy,
    })),
    sourcesAt: now,
    scope: scope.map((c) => ({
      ...c,
      sources: checkDataSources(row.hunt.dataComponents, visible.get(c.customerId) ?? []),
    })),
    recommendations: recs,
  };
}

/** Each customer's visible classes at `at`, through the visibility domain's one adapter from sensor health. */
function visibleByCustomer(rows: SensorFactsAt[], at: Date) {
  const by = new Map<string, SensorFactsAt[]>();
  for (const r of rows) by.set(r.customerId, [...(by.get(r.customerId) ?? []), r]);
  return new Map<string, VisibilityClass[]>([...by].map(([id, list]) => [id, classesVisible(list, at)]));
}

async function audit(ctx: ActorContext, tx: Parameters<typeof recordAudit>[0], id: string, action: string, s = {}) {
  await recordAudit(tx, { ...actorOf(ctx), action: `hunt.${action}`, targetType: "hunt", targetId: id, summary: s });
}

export async function createHunt(ctx: ActorContext, input: HuntInput) {
  assertCan(ctx.actor, "hunt:manage");
  const ids = [...new Set(input.customerIds)];
  if (!input.allCustomers && (await q.countCustomers(ctx.db, ids)) !== ids.length)
    throw new Invalid("Some customers in scope do not exist.", "customerIds");
  if (input.analystId) {
    const m = await findMembership(ctx.db, input.analystId);
    if (!m || m.customerId !== null) throw new Invalid("The analyst must be provider staff.", "analystId");
  }
  return ctx.db.transaction(async (tx) => {
    const now = clockOf(ctx);
    const { customerIds: _, ...fields } = input;
    const hunt = await q.insertHunt(tx, { ...fields, createdAt: now, updatedAt: now });
    if (!input.allCustomers) await q.insertScope(tx, hunt.id, ids);
    await audit(ctx, tx, hunt.id, "create", { title: hunt.title, customers: input.allCustomers ? "all" : ids.length });
    return hunt;
  });
}

/** Status, findings, summary, outcome and effort; concluding checks the outcome against the records. */
export async function updateHunt(ctx: ActorContext, patch: HuntPatch) {
  assertCan(ctx.actor, "hunt:manage");
  const { huntId, ...p } = patch;
  return ctx.db.transaction(async (tx) => {
    const row = await q.findHunt(tx, huntId);
    if (!row) throw new NotFound("No such hunt.");
    const h = row.hunt;
    if (h.status === "concluded" && (p.outcome !== undefined || p.customerSummary !== undefined || p.status))
      throw new Invalid("A concluded hunt's outcome and summary are final.", "status");
    if (p.status && p.status !== h.status && !canMove(h.status, p.status))
      throw new Invalid(`A ${h.status.replace("_", " ")} hunt cannot become ${p.status.replace("_", " ")}.`, "status");
    const now = clockOf(ctx);
    const next = { ...h, ...p };
    if (p.status === "concluded") {
      const [scope, recs] = await Promise.all([q.listScope(tx, h), q.huntRecommendations(tx, huntId)]);
      const check = checkConclusion({
        outcome: (next.outcome ?? null) as HuntOutcome | null,
        customerSummary: next.customerSummary ?? null,
        linkedIncidents: scope.filter((s) => s.incidentId).length,
        recommendations: recs.length,
      });
      if (!check.ok) throw new Invalid(check.reason, check.field);
    }
    const updated = await q.updateHunt(tx, huntId, {
      ...p,
      updatedAt: now,
      ...(p.status === "concluded" ? { concludedAt: now } : {}),
    });
    await audit(ctx, tx, huntId, p.status && p.status !== h.status ? `status.${p.status}` : "update", {
      fields: Object.keys(p),
    });
    return updated!;
  });
}

/** Links the incident the hunt opened for one customer in scope. */
export async function linkIncident(ctx: ActorContext, huntId: string, incidentId: string) {
  assertCan(ctx.actor, "hunt:manage");
  return ctx.db.transaction(async (tx) => {
    const row = await q.findHunt(tx, huntId);
    if (!row) throw new NotFound("No such hunt.");
    const inc = await q.incidentCustomer(tx, incidentId);
    if (!inc) throw new NotFound("No such incident.");
    const scope = await q.listScope(tx, row.hunt);
    if (!scope.some((s) => s.customerId === inc.customerId))
      throw new Invalid("That incident's customer is not in the hunt's scope.", "incidentId");
    await q.linkHuntIncident(tx, huntId, inc.customerId, incidentId);
    await audit(ctx, tx, huntId, "link_incident", { incidentId });
    return { linked: true };
  });
}

/**
 * The customer's view: concluded hunts that covered them, customer-visible fields only. The outcome is theirs: an
 * incident or a recommendation made for another customer reads as "nothing found" here.
 */
export async function listCustomerHunts(ctx: TenantContext, range?: { from: Date; to: Date }) {
  assertCan(ctx.actor, "hunt:read");
  const rows = await q.listCustomerHunts(ctx.db, ctx.tenant, range);
  const own = await q.customerOutcomes(
    ctx.db,
    ctx.tenant,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    techniques: r.techniques.map((t) => ({ id: t, name: technique(t)?.name ?? t })),
    periodFrom: r.periodFrom,
    periodTo: r.periodTo,
    concludedAt: r.concludedAt,
    summary: r.customerSummary ?? "",
    effortHours: r.effortHours,
    outcome: ownOutcome(r.outcome, own.get(r.id)),
  }));
}
