import type { Db } from "@/db";
import type { HostFacts } from "@/server/assets/identity";
import { learnHosts } from "@/server/assets/service";
import { deliverQueued } from "@/server/email/send";
import { attachAlerts, type TimelineActor } from "@/server/incidents/queries";
import { markFactsChanged } from "@/server/recommendations/dirty";
import { recomputeIncidentClocks } from "@/server/sla/service";
import { runAsTenant } from "@/server/tenancy/scope";
import type { IntakeAuth } from "./auth";
import { chooseIncident, type OpenIncident } from "./correlate";
import { type AlertRecord, finalizeAlert } from "./finalize";
import { normalizers } from "./normalize";
import { IntakeError, type ParsedItem, sanitize } from "./parse";
import {
  type AlertRow,
  alertRowsJson,
  type Candidate,
  insertHealthEvents,
  markKeyUsed,
  markSensorEvent,
  recordHeartbeatRow,
  touchSensor,
  upsertAlerts,
} from "./queries";
import { RecentHosts } from "./recent-hosts";
import { withRetry } from "./retry";
import { PayloadError } from "./types";

export { authenticate, type IntakeAuth, IntakeHttpError } from "./auth";

export type ItemResult =
  | {
      status: "created" | "updated";
      alertId: string;
      incidentId: string | null;
      severity: number;
      techniques: string[];
    }
  | { status: "ignored"; reason: string }
  | { status: "health" }
  | { status: "rejected"; error: { code: string; message: string; path: string } };

type Prepared = { index: number; record: AlertRecord; raw: unknown; rawJson?: string; occurrences: number };

const intakeActor: TimelineActor = {
  actorType: "system",
  actorId: null,
  actorLabel: "Correlation",
  actorSide: "system",
};
const lastKeyTouch = new Map<string, number>();
const recentHosts = new RecentHosts();

/** Tests: forget which hosts this process recorded lately. */
export const forgetRecentHosts = () => recentHosts.clear();
const lastSensorTouch = new Map<string, number>();

/**
 * Normalises, deduplicates and correlates a request's items, committing them in one transaction; each result says
 * what happened to its item. A bad item is rejected alone; good items are committed before the answer goes out.
 */
export async function ingestItems(
  db: Db,
  auth: IntakeAuth,
  items: ParsedItem[],
  receivedAt = new Date(),
): Promise<ItemResult[]> {
  const results: ItemResult[] = new Array(items.length);
  const prepared: Prepared[] = [];
  const health: { index: number; note: string; message: string | null; eventTime: Date | null; raw: unknown }[] = [];
  const normalize = normalizers[auth.sourceFormat];

  items.forEach((item, index) => {
    if (!item.ok) {
      results[index] = { status: "rejected", error: errorBody(item.error.code, item.error.message, item.error.path) };
      return;
    }
    try {
      const n = normalize(item.value);
      if (n.kind === "ignored") results[index] = { status: "ignored", reason: n.reason };
      else if (n.kind === "health") health.push({ index, ...n, raw: item.value });
      else
        prepared.push({
          index,
          record: finalizeAlert(n, receivedAt),
          raw: item.value,
          rawJson: item.text,
          occurrences: 1,
        });
    } catch (e) {
      if (e instanceof PayloadError)
        results[index] = { status: "rejected", error: errorBody(e.code, e.message, e.path) };
      else if (e instanceof IntakeError)
        results[index] = { status: "rejected", error: errorBody(e.code, e.message, e.path) };
      else throw e;
    }
  });

  // The same vendor alert twice in one request is one row, seen twice.
  const byKey = new Map<string, Prepared>();
  const order: { index: number; key: string }[] = [];
  for (const p of prepared) {
    const first = byKey.get(p.record.dedupKey);
    if (first) {
      first.occurrences++;
      first.record = { ...p.record, severity: Math.max(first.record.severity, p.record.severity) };
      first.raw = p.raw;
      first.rawJson = p.rawJson;
    } else byKey.set(p.record.dedupKey, p);
    order.push({ index: p.index, key: p.record.dedupKey });
  }

  // Sorted by key: concurrent batches lock the rows they share in the same order. Built once, whatever the retries.
  const unique = [...byKey.values()].sort((a, b) => (a.record.dedupKey < b.record.dedupKey ? -1 : 1));
  const rowsJson = unique.length ? alertRowsJson(unique.map((p) => toRow(p, auth, receivedAt))) : null;
  const lookup = [...new Set(unique.flatMap((p) => [...p.record.keys, ...p.record.probes]))];

  const hostScope = `${auth.tenant}|${auth.sensorId}`;
  const hosts = recentHosts.unseen(
    hostScope,
    unique.flatMap((p) => p.record.entities.hosts),
    receivedAt.getTime(),
  );

  const mailAfter: string[] = [];
  await withRetry(() =>
    runAsTenant(db, auth.tenant, async (tx) => {
      mailAfter.length = 0;
      const written = new Map<
        string,
        { id: string; incidentId: string | null; severity: number; techniques: string[]; inserted: boolean }
      >();
      let candidates: Candidate[] = [];
      if (rowsJson) {
        const up = await upsertAlerts(tx, auth.tenant, rowsJson, lookup);
        for (const r of up.rows) written.set(r.dedupKey, r);
        candidates = up.candidates;
      }
      await learnHosts(tx, auth.tenant, auth.sensorId, hosts, receivedAt);

      // After the upsert: the set-based follow-up work for the whole batch, in this transaction.
      // Correlation: new alerts join an open incident of this customer sharing an entity within the window.
      const fresh = unique.filter(
        (p) => written.get(p.record.dedupKey)?.inserted && p.record.keys.length + p.record.probes.length > 0,
      );
      if (fresh.length && candidates.length) {
        const open = new Map<string, OpenIncident>();
        for (const r of candidates) {
          const c = open.get(r.id) ?? { id: r.id, latestEventTime: r.latestEventTime, keys: [] };
          c.keys.push(r.key);
          open.set(r.id, c);
        }
        if (open.size) {
          const joins = new Map<string, Prepared[]>();
          for (const p of fresh.sort((a, b) => a.record.eventTime.getTime() - b.record.eventTime.getTime())) {
            const target = chooseIncident(
              { eventTime: p.record.eventTime, keys: [...p.record.keys, ...p.record.probes] },
              [...open.values()],
            );
            if (!target) continue;
            const c = open.get(target)!;
            if (p.record.eventTime > c.latestEventTime) c.latestEventTime = p.record.eventTime;
            c.keys = [...new Set([...c.keys, ...p.record.keys])];
            joins.set(target, [...(joins.get(target) ?? []), p]);
            written.get(p.record.dedupKey)!.incidentId = target;
          }
          for (const [incidentId, list] of [...joins].sort(([a], [b]) => (a < b ? -1 : 1))) {
            await attachAlerts(
              tx,
              auth.tenant,
              incidentId,
              list.map((p) => ({
                id: written.get(p.record.dedupKey)!.id,
                title: p.record.title,
                severity: p.record.severity,
                eventTime: p.record.eventTime,
                receivedAt,
                vendorCreatedAt: p.record.vendorCreatedAt,
                techniques: p.record.techniques,
                entities: p.record.entities,
                keys: p.record.keys,
              })),
              { ...intakeActor, at: receivedAt },
            );
            mailAfter.push(...(await recomputeIncidentClocks(tx, auth.tenant, incidentId, receivedAt)));
          }
        }
      }

      await insertHealthEvents(
        tx,
        health.map((h) => ({
          customerId: auth.tenant,
          sensorId: auth.sensorId,
          at: h.eventTime ?? receivedAt,
          receivedAt,
          note: h.note,
          message: h.message,
          raw: sanitize(h.raw) as object,
        })),
      );
      const lastHealth = health[health.length - 1];
      if (lastHealth) {
        await touchSensor(tx, auth.tenant, auth.sensorId, {
          healthNote: `${lastHealth.note}${lastHealth.message ? `: ${lastHealth.message}` : ""}`,
          healthNoteAt: receivedAt,
        });
      }

      for (const { index, key } of order) {
        const w = written.get(key)!;
        const firstOfKey = byKey.get(key)!.index === index;
        results[index] = {
          status: w.inserted && firstOfKey ? "created" : "updated",
          alertId: w.id,
          incidentId: w.incidentId,
          severity: w.severity,
          techniques: w.techniques,
        };
      }
      for (const h of health) results[h.index] = { status: "health" };
      // Last: the mark's row is the one row every request of the customer writes, so it is held only until COMMIT.
      await markFactsChanged(tx, auth.tenant);
    }),
  );
  recentHosts.remember(hostScope, hosts, receivedAt.getTime());

  if (mailAfter.length) await deliverQueued(db, mailAfter);
  // "Last event" is a cache of the facts (the alerts): refreshed after commit, at most every 15 s per sensor and
  // process, so concurrent requests never queue on the sensor's row.
  if (prepared.length || health.length) {
    const seen = lastSensorTouch.get(auth.sensorId) ?? 0;
    if (Math.abs(receivedAt.getTime() - seen) > 15_000) {
      lastSensorTouch.set(auth.sensorId, receivedAt.getTime());
      await runAsTenant(db, auth.tenant, (tx) => markSensorEvent(tx, auth.tenant, auth.sensorId, receivedAt));
    }
  }
  const last = lastKeyTouch.get(auth.keyId) ?? 0;
  if (receivedAt.getTime() - last > 60_000) {
    lastKeyTouch.set(auth.keyId, receivedAt.getTime());
    await runAsTenant(db, auth.tenant, (tx) => markKeyUsed(tx, auth.keyId, receivedAt));
  }
  return results;
}

export async function recordHeartbeat(
  db: Db,
  auth: IntakeAuth,
  body: { version?: string; eventsPerSecond?: number; hostCount?: number },
  at = new Date(),
  inventory: HostFacts[] = [],
) {
  await runAsTenant(db, auth.tenant, async (tx) => {
    await recordHeartbeatRow(tx, auth.tenant, auth.sensorId, at, body);
    await learnHosts(tx, auth.tenant, auth.sensorId, inventory, at);
  });
  const last = lastKeyTouch.get(auth.keyId) ?? 0;
  if (Math.abs(at.getTime() - last) > 60_000) {
    lastKeyTouch.set(auth.keyId, at.getTime());
    await runAsTenant(db, auth.tenant, (tx) => markKeyUsed(tx, auth.keyId, at));
  }
}

function toRow(p: Prepared, auth: IntakeAuth, receivedAt: Date): { row: AlertRow; rawJson: string } {
  const r = p.record;
  return {
    row: {
      customer_id: auth.tenant,
      sensor_id: auth.sensorId,
      api_key_id: auth.keyId,
      source: auth.sourceFormat,
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
      occurrences: p.occurrences,
      techniques: r.techniques,
      tactics: r.tactics,
      entities: r.entities,
      truncated: r.truncated,
    },
    // The text as received (already valid for jsonb) or, when it held NUL/lone-surrogate escapes, a cleaned copy.
    rawJson: p.rawJson ?? JSON.stringify(sanitize(p.raw)),
  };
}

function errorBody(code: string, message: string, path: string) {
  return { code, message, path };
}
