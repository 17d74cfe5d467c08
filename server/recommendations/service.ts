import type { DbOrTx } from "@/db";
import { actorOf, recordAudit } from "@/server/audit/service";
import { assertCan } from "@/server/auth/permissions";
import { deliverQueued } from "@/server/email/send";
import { Conflict, Invalid, NotFound } from "@/server/errors";
import { type ActorContext, clockOf, mintTenantId, type TenantContext } from "@/server/tenancy/tenant";
import { changeRec, eventActor } from "./change";
import type { RecSeverity } from "./facts";
import { type RecAction, type RecStatus, transition } from "./lifecycle";
import { notifyIfSerious } from "./notify";
import * as q from "./queries";
import type { BulkInput, RecFilterInput, RecInput } from "./schema";

export const PAGE_SIZE = 50;

/** Moves one recommendation through the lifecycle, with its history row (the caller audits). */
export async function move(
  tx: DbOrTx,
  ctx: TenantContext,
  rec: q.RecRow,
  action: RecAction,
  opts: { reason?: string | null; reviewOn?: Date | null; body?: string | null; side?: "system" } = {},
): Promise<q.RecRow> {
  const now = clockOf(ctx);
  const side = opts.side ?? (eventActor(ctx).actorSide === "system" ? "system" : ctx.actor.side);
  const t = transition(rec.status, action, side, { ...opts, now });
  if (!t.ok) throw new Invalid(t.reason, t.field);
  const patch = {
    status: t.to,
    updatedAt: now,
    ...(action === "accept_risk" || action === "dismiss" ? { reason: opts.reason!.trim() } : {}),
    ...(action === "accept_risk" ? { reviewAt: opts.reviewOn! } : {}),
  };
  const row = await q.updateRec(tx, ctx.tenant, rec.id, patch, rec.status);
  if (!row) throw new Conflict("The recommendation changed meanwhile; reload and try again.");
  await q.insertRecEvent(tx, ctx.tenant, rec.id, {
    ...eventActor(ctx),
    kind: "status",
    fromStatus: rec.status,
    toStatus: t.to,
    body: opts.body ?? opts.reason ?? null,
    data: { action, severity: rec.severity, ...(opts.reviewOn ? { reviewOn: opts.reviewOn.toISOString() } : {}) },
  });
  return row;
}

/** Creates a recommendation (analyst-written, or the engine's), its "raised" history row and mail; caller audits. */
export async function raise(
  tx: DbOrTx,
  ctx: TenantContext,
  r: Omit<q.NewRec, "createdAt" | "updatedAt" | "status">,
  mail: string[],
): Promise<q.RecRow | null> {
  const now = clockOf(ctx);
  const row = await q.insertRec(tx, ctx.tenant, { ...r, status: "open", createdAt: now, updatedAt: now });
  if (!row) return null;
  await q.insertRecEvent(tx, ctx.tenant, row.id, {
    ...eventActor(ctx),
    kind: "raised",
    toStatus: "open",
    body: null,
    data: { severity: row.severity, origin: row.origin },
  });
  mail.push(...(await notifyIfSerious(tx, ctx.tenant, row, now)));
  return row;
}

export async function listAll(ctx: ActorContext, f: RecFilterInput) {
  assertCan(ctx.actor, "recommendation:read");
  const { page, ...filter } = f;
  const { rows, total } = await q.listRecsAll(ctx.db, filter, PAGE_SIZE, (page - 1) * PAGE_SIZE);
  return { rows, total, page, pageSize: PAGE_SIZE };
}

/**
 * What a customer reads of their recommendations: evidence naming an incident not opened to them is left out (the
 * staff see it all). The rules' text names only opened incidents (`rules.ts`).
 */
async function forCustomer<T extends Pick<q.RecRow, "evidence">>(ctx: TenantContext, rows: T[]): Promise<T[]> {
  if (ctx.actor.side === "staff") return rows;
  const ids = rows.flatMap((r) => r.evidence.filter((e) => e.kind === "incident").map((e) => e.id));
  const visible = await q.listVisibleIncidentIds(ctx.db, ctx.tenant, [...new Set(ids)]);
  return rows.map((r) => ({ ...r, evidence: r.evidence.filter((e) => e.kind !== "incident" || visible.has(e.id)) }));
}

export async function listMine(ctx: TenantContext, f: Omit<RecFilterInput, "page" | "customerId">) {
  assertCan(ctx.actor, "recommendation:read");
  return forCustomer(ctx, await q.listRecsOf(ctx.db, ctx.tenant, f));
}

export async function getRec(ctx: TenantContext, id: string) {
  assertCan(ctx.actor, "recommendation:read");
  const rec = await q.findRec(ctx.db, ctx.tenant, id);
  if (!rec) throw new NotFound("No such recommendation.");
  const history = await q.listRecEvents(ctx.db, ctx.tenant, id);
  const [shown] = await forCustomer(ctx, [rec]);
  return { ...shown!, history };
}

export async function createRec(ctx: TenantContext, input: RecInput) {
  assertCan(ctx.actor, "recommendation:manage");
  if (input.origin === "incident" && !input.incidentId) throw new Invalid("Name the incident.", "incidentId");
  if (input.origin === "hunt" && !input.huntId) throw new Invalid("Name the hunt.", "huntId");
  const mail: string[] = [];
  const row = await ctx.db.transaction(async (tx) => {
    if (input.incidentId && !(await q.incidentBelongs(tx, ctx.tenant, input.incidentId)))
      throw new NotFound("No such incident.");
    if (input.huntId && !(await q.huntCovers(tx, ctx.tenant, input.huntId))) throw new NotFound("No such hunt.");
    const evidence = [
      ...input.evidence,
      ...(input.incidentId && !input.evidence.some((e) => e.id === input.incidentId)
        ? [{ kind: "incident" as const, id: input.incidentId, label: "Incident" }]
        : []),
    ];
    const row = await raise(
      tx,
      ctx,
      {
        title: input.title,
        body: input.body,
        severity: input.severity,
        category: input.category,
        origin: input.origin,
        evidence,
        incidentId: input.incidentId ?? null,
        huntId: input.huntId ?? null,
        createdBy: ctx.user.id.startsWith("system:") ? null : ctx.user.id,
      },
      mail,
    );
    await recordAudit(tx, {
      ...actorOf(ctx),
      customerId: ctx.tenant,
      action: "recommendation.create",
      targetType: "recommendation",
      targetId: row!.id,
      summary: { title: input.title, severity: input.severity, origin: input.origin },
    });
    return row!;
  });
  if (mail.length) await deliverQueued(ctx.db, mail);
  return row;
}

/** The customer's own decisions: accept, mark done, accept the risk (customer admins). */
export async function respond(
  ctx: TenantContext,
  id: string,
  action: "accept" | "done" | "accept_risk",
  opts: { reason?: string; reviewOn?: Date },
) {
  assertCan(ctx.actor, "recommendation:respond");
  const row = await changeRec(ctx, id, action, async (tx, rec) => {
    const row = await move(tx, ctx, rec, action, opts);
    return { result: row, summary: { from: rec.status, to: row.status, reason: opts.reason ?? null } };
  });
  return (await forCustomer(ctx, [row]))[0]!;
}

export async function dismiss(ctx: TenantContext, id: string, reason: string) {
  assertCan(ctx.actor, "recommendation:manage");
  return changeRec(ctx, id, "dismiss", async (tx, rec) => {
    const row = await move(tx, ctx, rec, "dismiss", { reason });
    return { result: row, summary: { reason } };
  });
}

export async function setSeverity(ctx: TenantContext, id: string, severity: RecSeverity) {
  assertCan(ctx.actor, "recommendation:manage");
  return changeRec(ctx, id, "severity", async (tx, rec, mail) => {
    if (rec.severity === severity) return { result: rec };
    const row = (await q.updateRec(tx, ctx.tenant, id, { severity, updatedAt: clockOf(ctx) }))!;
    await q.insertRecEvent(tx, ctx.tenant, id, {
      ...eventActor(ctx),
      kind: "severity",
      body: `${rec.severity} → ${severity}`,
      data: { from: rec.severity, severity },
    });
    mail.push(...(await notifyIfSerious(tx, ctx.tenant, row, clockOf(ctx))));
    return { result: row, summary: { from: rec.severity, to: severity } };
  });
}

/** Staff and customer admins comment; viewers read. */
export async function comment(ctx: TenantContext, id: string, body: string) {
  assertCan(ctx.actor, ctx.actor.side === "staff" ? "recommendation:manage" : "recommendation:respond");
  return changeRec(ctx, id, "comment", async (tx) => {
    await q.insertRecEvent(tx, ctx.tenant, id, { ...eventActor(ctx), kind: "comment", body });
    return { result: { ok: true } };
  });
}

/** Bulk staff actions across customers: each row is changed within its own customer, all in one go or none. */
export async function bulk(ctx: ActorContext, input: BulkInput) {
  assertCan(ctx.actor, "recommendation:manage");
  const owners = await q.ownersOf(ctx.db, input.ids);
  if (owners.length !== new Set(input.ids).size) throw new NotFound("Some recommendations do not exist.");
  let changed = 0;
  for (const o of owners) {
    const tctx: TenantContext = { ...ctx, tenant: mintTenantId(o.customerId) };
    if (input.action === "dismiss") {
      if (o.status !== "open") continue;
      await dismiss(tctx, o.id, input.reason);
    } else await setSeverity(tctx, o.id, input.severity);
    changed++;
  }
  return { changed };
}

export type { RecStatus };
