import type { Db } from "@/db";
import { deliverQueued } from "@/server/email/send";
import { attachAlerts, type TimelineActor } from "@/server/incidents/queries";
import { markFactsChanged } from "@/server/recommendations/dirty";
import { bearerToken, hashApiKey } from "@/server/sensors/keys";
import { findKeyByHash } from "@/server/sensors/queries";
import { recomputeIncidentClocks } from "@/server/sla/service";
import { mintTenantId, type TenantId } from "@/server/tenancy/tenant";
import { chooseIncident, type OpenIncident } from "./correlate";
import { type AlertRecord, finalizeAlert } from "./finalize";
import { normalizers } from "./normalize";
import { IntakeError, type ParsedItem, sanitize } from "./parse";
import {
  type AlertRow,
  alertRowsJson,
  findOpenIncidentsByKeys,
  insertHealthEvents,
  insertHeartbeat,
  markKeyUsed,
  markSensorEvent,
  touchSensor,
  upsertAlerts,
} from "./queries";
import { PayloadError, type SourceFormat } from "./types";

export type IntakeAuth = { keyId: string; tenant: TenantId; sensorId: string; sourceFormat: SourceFormat };

/** 401 for a missing, unknown or revoked key (and a retired sensor or offboarded customer); 403 for a wrong source. */
export async function authenticate(db: Db, authorization: string | null, source: SourceFormat | "heartbeat") {
  const token = bearerToken(authorization);
  if (!token) throw new IntakeError401("missing_key", "Send the sensor's API key as `Authorization: Bearer <key>`.");
  const k = await findKeyByHash(db, hashApiKey(token));
  if (!k) throw new IntakeError401("unknown_key", "This API key is not known.");
  if (k.revokedAt || k.sensorStatus !== "active" || k.customerStatus !== "active") {
    throw new IntakeError401("revoked_key", "This API key has been revoked.");
  }
  if (source !== "heartbeat" && k.sourceFormat !== source) {
    throw new IntakeHttpError(
      403,
      "wrong_source",
      `This key belongs to a ${k.sourceFormat} sensor; it cannot send ${source} alerts.`,
    );
  }
  return {
    keyId: k.keyId,
    tenant: mintTenantId(k.customerId),
    sensorId: k.sensorId,
    sourceFormat: k.sourceFormat,
  } satisfies IntakeAuth;
}

export class IntakeHttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}
class IntakeError401 extends IntakeHttpError {
  constructor(code: string, message: string) {
    super(401, code, message);
  }
}

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

  const mailAfter: string[] = [];
  await withRetry(() =>
    db.transaction(async (tx) => {
      mailAfter.length = 0;
      const unique = [...byKey.values()];
      const written = new Map<
        string,
        { id: string; incidentId: string | null; severity: number; techniques: string[]; inserted: boolean }
      >();
      for (let i = 0; i < unique.length; i += 500) {
        const chunk = unique.slice(i, i + 500);
        const rows = await upsertAlerts(tx, alertRowsJson(chunk.map((p) => toRow(p, auth, receivedAt))));
        for (const r of rows) written.set(r.dedupKey, r);
      }

      // Correlation: new alerts join an open incident of this customer sharing an entity within the window.
      const fresh = unique.filter((p) => written.get(p.record.dedupKey)?.inserted && p.record.keys.length > 0);
      if (fresh.length) {
        const keys = [...new Set(fresh.flatMap((p) => p.record.keys))];
        const open = new Map<string, OpenIncident>();
        for (const r of await findOpenIncidentsByKeys(tx, auth.tenant, keys)) {
          const c = open.get(r.id) ?? { id: r.id, latestEventTime: r.latestEventTime, keys: [] };
          c.keys.push(r.key);
          open.set(r.id, c);
        }
        if (open.size) {
          const joins = new Map<string, Prepared[]>();
          for (const p of fresh.sort((a, b) => a.record.eventTime.getTime() - b.record.eventTime.getTime())) {
            const target = chooseIncident({ eventTime: p.record.eventTime, keys: p.record.keys }, [...open.values()]);
            if (!target) continue;
            const c = open.get(target)!;
            if (p.record.eventTime > c.latestEventTime) c.latestEventTime = p.record.eventTime;
            c.keys = [...new Set([...c.keys, ...p.record.keys])];
            joins.set(target, [...(joins.get(target) ?? []), p]);
            written.get(p.record.dedupKey)!.incidentId = target;
          }
          for (const [incidentId, list] of joins) {
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
    }),
  );
  await markFactsChanged(db, auth.tenant);

  if (mailAfter.length) await deliverQueued(db, mailAfter);
  // "Last event" is a cache of the facts (the alerts): refreshed after commit, at most every 15 s per sensor and
  // process, so concurrent requests never queue on the sensor's row.
  if (prepared.length || health.length) {
    const seen = lastSensorTouch.get(auth.sensorId) ?? 0;
    if (Math.abs(receivedAt.getTime() - seen) > 15_000) {
      lastSensorTouch.set(auth.sensorId, receivedAt.getTime());
      await markSensorEvent(db, auth.tenant, auth.sensorId, receivedAt);
    }
  }
  const last = lastKeyTouch.get(auth.keyId) ?? 0;
  if (receivedAt.getTime() - last > 60_000) {
    lastKeyTouch.set(auth.keyId, receivedAt.getTime());
    await markKeyUsed(db, auth.keyId, receivedAt);
  }
  return results;
}

export async function recordHeartbeat(
  db: Db,
  auth: IntakeAuth,
  body: { version?: string; eventsPerSecond?: number; hostCount?: number },
  at = new Date(),
) {
  await db.transaction(async (tx) => {
    await insertHeartbeat(tx, { customerId: auth.tenant, sensorId: auth.sensorId, at, ...body });
    await touchSensor(tx, auth.tenant, auth.sensorId, {
      lastHeartbeatAt: at,
      ...(body.version !== undefined ? { agentVersion: body.version } : {}),
      ...(body.eventsPerSecond !== undefined ? { eventsPerSecond: body.eventsPerSecond } : {}),
      ...(body.hostCount !== undefined ? { hostCount: body.hostCount } : {}),
    });
  });
  const last = lastKeyTouch.get(auth.keyId) ?? 0;
  if (Math.abs(at.getTime() - last) > 60_000) {
    lastKeyTouch.set(auth.keyId, at.getTime());
    await markKeyUsed(db, auth.keyId, at);
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

/** Concurrent upserts of the same new keys can deadlock (40P01) or fail serialisation (40001): retry the whole unit. */
async function withRetry<T>(fn: () => Promise<T>, attempts = 4): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await fn();
    } catch (e) {
      const code = pgCode(e);
      if (i >= attempts || (code !== "40P01" && code !== "40001")) throw e;
      await new Promise((r) => setTimeout(r, 10 * i + Math.random() * 20));
    }
  }
}

function pgCode(e: unknown): string | undefined {
  for (let cur: unknown = e, d = 0; cur && d < 4; cur = (cur as { cause?: unknown }).cause, d++) {
    const c = (cur as { code?: string }).code;
    if (c) return c;
  }
  return undefined;
}
