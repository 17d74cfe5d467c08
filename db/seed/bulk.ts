/**
 * The seed's bulk path for the long tail of history: older months of routine alerts (sent by the sensors, closed by an
 * analyst) written set-based in one transaction per customer, with the intake's own preparation (`prepareAlertRows`:
 * normaliser, finaliser, folding, rows), its own set-based writers (`upsertAlerts`, `learnHosts`) and the audit chain's
 * own keyed hash. What the services
 * would have left behind is left behind: alert rows with their verdicts, hosts and sightings, and one audit entry per
 * triage sitting, chained and signed like any other. Only the recent slice goes through the services one call at a time.
 */
import { sql } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db";
import { auditLog } from "@/db/schema";
import { learnHosts } from "@/server/assets/service";
import { type AuditContent, GENESIS_HASH, hmacEntry } from "@/server/audit/chain";
import { auditHead, lockAuditChain } from "@/server/audit/queries";
import { actorOf } from "@/server/audit/service";
import { auditHmacKey } from "@/server/env";
import { alertColumns } from "@/server/ingest/alert-rows";
import type { IntakeAuth } from "@/server/ingest/auth";
import { prepareAlertRows } from "@/server/ingest/prepare";
import { upsertAlerts } from "@/server/ingest/queries";
import { markFactsChanged } from "@/server/recommendations/dirty";
import type { TenantId } from "@/server/tenancy/tenant";

export type Verdict = "false_positive" | "benign" | "duplicate";
export type Analyst = { id: string; name: string; email: string };

/** One collector delivery of a sensor (one request of the intake), and the analyst's sitting that closed it. */
export type BulkBatch = {
  auth: IntakeAuth;
  sendAt: number;
  payloads: Record<string, unknown>[];
  triage: { at: number; verdict: Verdict; reason: string; by: Analyst };
};

const CHUNK = 500;

/** Writes the batches of one customer; returns how many alerts were sent. */
export async function writeBulkAlerts(db: Db, tenant: TenantId, batches: BulkBatch[]): Promise<number> {
  if (!batches.length) return 0;
  const prepared = batches.map((b) => prepareBatch(b.auth, b.payloads, b.sendAt));
  const sent = prepared.reduce((n, p) => n + p.order.length, 0);
  await db.transaction(async (tx) => {
    const idOf = await upsertPrepared(tx, tenant, prepared);
    // Each batch's new alerts (a key sent again is an update, not a new alert of its batch) closed with the analyst's
    // verdict (what `setVerdict` does to alerts in no incident).
    const idsOfBatch = new Map<number, string[]>();
    const taken = new Set<string>();
    prepared.forEach((p, i) => {
      const fresh = p.rows.map((x) => x.row.dedup_key).filter((k) => !taken.has(k));
      for (const k of fresh) taken.add(k);
      if (fresh.length)
        idsOfBatch.set(
          i,
          fresh.map((k) => idOf.get(k)!),
        );
    });
    const verdicts = [...idsOfBatch].flatMap(([i, ids]) =>
      ids.map((id) => ({
        id,
        verdict: batches[i]!.triage.verdict,
        reason: batches[i]!.triage.reason,
        at: new Date(batches[i]!.triage.at),
      })),
    );
    for (let i = 0; i < verdicts.length; i += CHUNK) {
      await tx.execute(sql`
        update alerts a set verdict = x.verdict, verdict_reason = x.reason, triaged_at = x.at, status = 'closed'
        from jsonb_to_recordset(${JSON.stringify(verdicts.slice(i, i + CHUNK))}::text::jsonb)
          as x(id uuid, verdict text, reason text, at timestamptz)
        where a.customer_id = ${tenant}::uuid and a.id = x.id`);
    }
    // Hosts and sightings through the intake's writer (first and last sightings kept by least/greatest).
    await learnPreparedHosts(tx, tenant, prepared);
    // One audit entry per sitting, as `setVerdict` writes it, in the order the sittings happened.
    const entries = [...idsOfBatch]
      .sort(([a], [b]) => batches[a]!.triage.at - batches[b]!.triage.at)
      .map(([i, ids]) => {
        const t = batches[i]!.triage;
        return {
          ...actorOf({ user: t.by, system: undefined }),
          customerId: tenant as string,
          action: "alert.verdict",
          targetType: "alert",
          targetId: ids.length === 1 ? ids[0]! : null,
          summary: { verdict: t.verdict, reason: t.reason, alertIds: ids },
        };
      });
    await appendAuditEntries(tx, entries);
    await markFactsChanged(tx, tenant);
  });
  return sent;
}

/** One request of the intake prepared by its own code (`prepareAlertRows`): the alert rows, folded and sorted by key. */
export type PreparedBatch = ReturnType<typeof prepareAlertRows> & { auth: IntakeAuth; receivedAt: Date };

export function prepareBatch(auth: IntakeAuth, payloads: Record<string, unknown>[], sendAt: number): PreparedBatch {
  const receivedAt = new Date(sendAt);
  const p = prepareAlertRows(
    payloads.map((value) => ({ ok: true as const, value })),
    auth,
    receivedAt,
  );
  if (p.early.length || p.health.length)
    throw new Error(`demo seed: a ${auth.sourceFormat} payload did not make an alert`);
  return { ...p, auth, receivedAt };
}

/**
 * Writes prepared batches with the intake's own upsert, in order: a key sent again in a later batch is merged into its
 * row by the upsert's conflict rule, as the intake does (each statement holds a key at most once). Returns id by key.
 */
export async function upsertPrepared(tx: DbOrTx, tenant: TenantId, batches: PreparedBatch[]) {
  const idOf = new Map<string, string>();
  let rest = batches.flatMap((b) => b.rows);
  while (rest.length) {
    const seen = new Set<string>();
    const now: typeof rest = [];
    const later: typeof rest = [];
    for (const x of rest) {
      if (seen.has(x.row.dedup_key)) later.push(x);
      else {
        seen.add(x.row.dedup_key);
        now.push(x);
      }
    }
    now.sort((a, b) => (a.row.dedup_key < b.row.dedup_key ? -1 : 1));
    for (let i = 0; i < now.length; i += CHUNK) {
      const up = await upsertAlerts(tx, tenant, alertColumns(now.slice(i, i + CHUNK)), []);
      for (const r of up.rows) idOf.set(r.dedupKey, r.id);
    }
    rest = later;
  }
  return idOf;
}

/** The hosts the batches named, through the intake's writer (first and last sightings kept by least/greatest). */
export async function learnPreparedHosts(tx: DbOrTx, tenant: TenantId, batches: PreparedBatch[]) {
  for (const b of [...batches].sort((x, y) => x.receivedAt.getTime() - y.receivedAt.getTime()))
    await learnHosts(
      tx,
      tenant,
      b.auth.sensorId,
      b.unique.flatMap((u) => u.record.entities.hosts),
      b.receivedAt,
    );
}

type Entry = Omit<AuditContent, "at">;

/**
 * Appends many entries to the audit chain in one statement: the chain lock and head as `recordAudit` takes them, each
 * entry's keyed hash over its seq, content and predecessor, so `audit:verify` walks them like any other.
 */
export async function appendAuditEntries(tx: DbOrTx, entries: Entry[]) {
  if (!entries.length) return;
  await lockAuditChain(tx);
  const head = await auditHead(tx);
  let prevHash = head?.hash ?? GENESIS_HASH;
  let seq = head?.seq ?? 0;
  const at = new Date();
  const rows = entries.map((e) => {
    seq++;
    const content: AuditContent = { ...e, at, summary: JSON.parse(JSON.stringify(e.summary)) };
    const hash = hmacEntry(auditHmacKey, prevHash, seq, content);
    const row = { ...content, seq, prevHash, hash, chain: "hmac-sha256" as const };
    prevHash = hash;
    return row;
  });
  for (let i = 0; i < rows.length; i += CHUNK) await tx.insert(auditLog).values(rows.slice(i, i + CHUNK));
}
