/**
 * The seed's bulk path for the long tail of history: older months of routine alerts (sent by the sensors, closed by an
 * analyst) written set-based in one transaction per customer, with the intake's own pure code (normaliser, finaliser),
 * its own set-based writers (`upsertAlerts`, `learnHosts`) and the audit chain's own keyed hash. What the services
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
import type { IntakeAuth } from "@/server/ingest/auth";
import { finalizeAlert } from "@/server/ingest/finalize";
import { normalizers } from "@/server/ingest/normalize";
import { sanitize } from "@/server/ingest/parse";
import { upsertAlerts } from "@/server/ingest/queries";
import { type AlertRow, alertRowsJson } from "@/server/ingest/row-json";
import type { Entities } from "@/server/ingest/types";
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
  type Row = { row: AlertRow; rawJson: string; batch: number };
  const rows = new Map<string, Row>();
  const hosts = new Map<string, { sensorId: string; at: number; hosts: Entities["hosts"] }>();
  let sent = 0;
  batches.forEach((b, index) => {
    const receivedAt = new Date(b.sendAt);
    for (const payload of b.payloads) {
      const n = normalizers[b.auth.sourceFormat](payload);
      if (n.kind !== "alert") throw new Error(`demo seed: a ${b.auth.sourceFormat} payload did not make an alert`);
      sent++;
      const r = finalizeAlert(n, receivedAt);
      const seen = rows.get(r.dedupKey);
      // The same vendor alert again is an update of the first row (the intake's rule), as `upsertAlerts` would do.
      if (seen) {
        seen.row.occurrences++;
        seen.row.last_seen_at = receivedAt;
        seen.row.severity = Math.max(seen.row.severity, r.severity);
        continue;
      }
      rows.set(r.dedupKey, {
        batch: index,
        rawJson: JSON.stringify(sanitize(payload)),
        row: {
          customer_id: tenant,
          sensor_id: b.auth.sensorId,
          api_key_id: b.auth.keyId,
          source: b.auth.sourceFormat,
          dedup_key: r.dedupKey,
          vendor_alert_id: r.vendorAlertId,
          vendor_status: r.vendorStatus,
          product: r.product,
          title: r.title,
          description: r.description,
          severity: r.severity,
          vendor_severity: r.vendorSeverity,
          event_time: r.eventTime,
          original_event_time: r.originalEventTime,
          clock_skew: r.clockSkew,
          vendor_created_at: r.vendorCreatedAt,
          received_at: receivedAt,
          last_seen_at: receivedAt,
          occurrences: 1,
          techniques: r.techniques,
          tactics: r.tactics,
          entities: r.entities,
          truncated: r.truncated,
        },
      });
      const k = `${b.auth.sensorId}:${b.sendAt}`;
      const h = hosts.get(k) ?? { sensorId: b.auth.sensorId, at: b.sendAt, hosts: [] };
      h.hosts.push(...r.entities.hosts);
      hosts.set(k, h);
    }
  });

  await db.transaction(async (tx) => {
    const all = [...rows.values()].sort((a, b) => (a.row.dedup_key < b.row.dedup_key ? -1 : 1));
    const idOf = new Map<string, string>();
    for (let i = 0; i < all.length; i += CHUNK) {
      const up = await upsertAlerts(tx, tenant, alertRowsJson(all.slice(i, i + CHUNK)), []);
      for (const r of up.rows) idOf.set(r.dedupKey, r.id);
    }
    // Each batch's alerts closed with the analyst's verdict (what `setVerdict` does to alerts in no incident).
    const idsOfBatch = new Map<number, string[]>();
    for (const r of all) idsOfBatch.set(r.batch, [...(idsOfBatch.get(r.batch) ?? []), idOf.get(r.row.dedup_key)!]);
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
    for (const h of [...hosts.values()].sort((a, b) => a.at - b.at))
      await learnHosts(tx, tenant, h.sensorId, h.hosts, new Date(h.at));
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
