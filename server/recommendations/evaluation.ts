import type { Db } from "@/db";
import { forEachLimit } from "@/lib/concurrency";
import { recordAudit, systemActor } from "@/server/audit/service";
import { deliverQueued } from "@/server/email/send";
import { livePeriod } from "@/server/posture/score";
import { mintTenantId, systemContext, type TenantContext, type TenantId } from "@/server/tenancy/tenant";
import { eventActor } from "./change";
import { readUnsupported } from "./coverage-facts";
import { gatherFacts, type KnownFacts } from "./gather";
import { RESOLVED_BY_CONDITION } from "./labels";
import { notifyIfSerious } from "./notify";
import * as q from "./queries";
import { reconcile } from "./reconcile";
import { evaluateRules } from "./rules";
import { move, raise } from "./service";

export const ENGINE = "recommendation engine";
export type EvaluationResult = {
  raised: number;
  resolved: number;
  reopened: number;
  severity: number;
  refreshed: number;
  /** Wording brought up to date without a history line (a figure moved; the evidence links did not). */
  retexted: number;
  reviewed: number;
};

/**
 * Makes one customer's rule-made recommendations match its facts at `now`: raise once, clear by itself ("resolved:
 * condition cleared", with the instant), reopen the same row; risk acceptances whose review date has come reopen.
 * Safe on several instances at once: inserts skip an existing dedup key, moves are conditional on the status read.
 * `known`: what the caller over many customers has read already (see `gatherFacts`).
 */
export async function evaluateCustomer(
  db: Db,
  tenant: TenantId,
  now: Date,
  known: KnownFacts = {},
): Promise<EvaluationResult> {
  const res = noResult();
  const [facts, recs] = await Promise.all([
    gatherFacts(db, tenant, livePeriod(now), undefined, { ...known, rulesOnly: true }),
    q.listEvaluationRecs(db, tenant, now),
  ]);
  const findings = evaluateRules(facts, now);
  const existing = recs.filter((e): e is typeof e & { dedupKey: string } => e.dedupKey !== null);
  const due = recs.filter((e) => e.due);
  const plan = reconcile(existing, findings);
  if (plan.length === 0 && due.length === 0) return res;
  const ctx: TenantContext = { ...systemContext(db, ENGINE), tenant, now: () => now };
  const mail: string[] = [];
  await db.transaction(async (tx) => {
    const audit = (targetId: string, action: string, summary: Record<string, unknown>) =>
      recordAudit(tx, {
        ...systemActor(ENGINE),
        customerId: tenant,
        action: `recommendation.${action}`,
        targetType: "recommendation",
        targetId,
        summary,
      });
    const load = async (id: string) => q.findRec(tx, tenant, id);
    for (const p of plan) {
      if (p.kind === "raise") {
        const { rule: _rule, ...f } = p.finding;
        const row = await raise(tx, ctx, { ...f, origin: "rule", createdBy: null }, mail);
        if (!row) continue;
        await audit(row.id, "raise", { dedupKey: f.dedupKey, severity: f.severity, title: f.title });
        res.raised++;
      } else if (p.kind === "resolve") {
        const rec = await load(p.id);
        if (!rec || !["open", "accepted", "risk_accepted"].includes(rec.status)) continue;
        const body = `${RESOLVED_BY_CONDITION} at ${now.toISOString()}`;
        await move(tx, ctx, rec, "resolve", { body, side: "system" });
        await audit(rec.id, "resolve", { dedupKey: p.dedupKey, at: now.toISOString() });
        res.resolved++;
      } else if (p.kind === "retext") {
        // The text keeps following the facts; the history and the audit log record only what changed in substance.
        await q.updateRec(tx, tenant, p.id, {
          title: p.finding.title,
          body: p.finding.body,
          evidence: p.finding.evidence,
        });
        res.retexted++;
      } else if (p.kind === "refresh") {
        const rec = await load(p.id);
        if (!rec) continue;
        const f = p.finding;
        await q.updateRec(tx, tenant, rec.id, { title: f.title, body: f.body, evidence: f.evidence });
        await q.insertRecEvent(tx, tenant, rec.id, {
          ...eventActor(ctx),
          kind: "edited",
          body: "The evidence changed.",
        });
        await audit(rec.id, "refresh", { dedupKey: f.dedupKey });
        res.refreshed++;
      } else {
        const rec = await load(p.id);
        if (!rec) continue;
        const f = p.finding;
        const patch = { title: f.title, body: f.body, evidence: f.evidence, severity: f.severity, updatedAt: now };
        if (p.kind === "reopen") {
          if (rec.status !== "done") continue;
          await move(tx, ctx, rec, "reopen", { body: "The condition returned.", side: "system" });
          res.reopened++;
        } else {
          await q.insertRecEvent(tx, tenant, rec.id, {
            ...eventActor(ctx),
            kind: "severity",
            body: `${rec.severity} → ${f.severity}`,
            data: { from: rec.severity, severity: f.severity },
          });
          res.severity++;
        }
        const row = (await q.updateRec(tx, tenant, rec.id, patch))!;
        mail.push(...(await notifyIfSerious(tx, tenant, row, now)));
        await audit(rec.id, p.kind, { dedupKey: f.dedupKey, severity: f.severity });
      }
    }
    for (const d of due) {
      const rec = await load(d.id);
      if (rec?.status !== "risk_accepted") continue;
      await move(tx, ctx, rec, "reopen", { body: "The risk acceptance reached its review date.", side: "system" });
      await audit(rec.id, "review", { reviewAt: rec.reviewAt?.toISOString() ?? null });
      res.reviewed++;
    }
  });
  if (mail.length) await deliverQueued(db, mail);
  return res;
}

/**
 * Customers evaluated side by side: one customer's evaluation is a chain of short reads (latency, not CPU), so a few
 * in flight keep the pool busy. Each customer is its own transaction; the embedded database serialises them anyway.
 */
const IN_FLIGHT = 4;

/**
 * What every customer's evaluation shares is read once per run: the customer rows come with the list, the provider's
 * unsupported agent versions are read here (a version added during the run is seen by the next one, as before by the
 * customers evaluated after it).
 */
async function evaluateMany(db: Db, customers: readonly { id: string; slug: string; timezone: string }[], now: Date) {
  const total = noResult();
  if (customers.length) {
    const unsupported = await readUnsupported(db);
    await forEachLimit(customers, IN_FLIGHT, async (c) =>
      add(total, await evaluateCustomer(db, mintTenantId(c.id), now, { customer: c, unsupported })),
    );
  }
  return { customers: customers.length, ...total };
}

/** The hourly run: every active customer. */
export async function evaluateAll(db: Db, now: Date) {
  return evaluateMany(db, await q.listActiveCustomers(db), now);
}

/** The minute run: customers marked dirty since (intake batches, incident changes). */
export async function evaluateDirty(db: Db, now: Date) {
  const ids = await q.takeDirty(db);
  const found = await q.listCustomersByIds(db, ids);
  // A mark whose customer is gone is taken and counted, as before; it has nothing to evaluate.
  const byId = new Map(found.map((c) => [c.id, c]));
  const res = await evaluateMany(
    db,
    ids.flatMap((id) => byId.get(id) ?? []),
    now,
  );
  return { ...res, customers: ids.length };
}

function noResult(): EvaluationResult {
  return { raised: 0, resolved: 0, reopened: 0, severity: 0, refreshed: 0, retexted: 0, reviewed: 0 };
}

function add(a: EvaluationResult, b: EvaluationResult) {
  for (const k of Object.keys(a) as (keyof EvaluationResult)[]) a[k] += b[k];
}
