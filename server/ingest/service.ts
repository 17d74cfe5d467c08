import type { Db } from "@/db";
import type { HostFacts } from "@/server/assets/identity";
import { learnHosts } from "@/server/assets/service";
import { deliverQueued } from "@/server/email/send";
import { attachAlerts, type TimelineActor } from "@/server/incidents/queries";
import { markFactsChanged } from "@/server/recommendations/dirty";
import { recomputeIncidentClocks } from "@/server/sla/service";
import { runAsTenant } from "@/server/tenancy/scope";
import { entitiesAt } from "./alert-rows";
import type { IntakeAuth } from "./auth";
import { chooseIncident, type OpenIncident } from "./correlate";
import { holdKeys } from "./in-flight";
import type { ParsedItem } from "./parse";
import { sanitize } from "./parse";
import { type AlertFacts, type ItemResult, type PreparedItems, prepareItems } from "./prepare";
import {
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

export { authenticate, type IntakeAuth, IntakeHttpError } from "./auth";

export type { ItemResult } from "./prepare";

export const intakeActor: TimelineActor = {
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
export async function ingestItems(db: Db, auth: IntakeAuth, items: ParsedItem[], receivedAt = new Date()) {
  return commitPrepared(db, auth, prepareItems(items, auth, receivedAt), receivedAt);
}

/** The database half of `ingestItems`, for items prepared here or on a worker thread (prepare.ts). */
export async function commitPrepared(
  db: Db,
  auth: IntakeAuth,
  prep: PreparedItems,
  receivedAt: Date,
): Promise<ItemResult[]> {
  const results: ItemResult[] = new Array(prep.count);
  for (const e of prep.early) results[e.index] = e.result;
  const { unique, health, order, columns } = prep;
  const firstIndex = new Map(unique.map((p) => [p.dedupKey, p.index]));
  const positionOf = new Map(unique.map((p, i) => [p.dedupKey, i]));
  const written = new Map<
    string,
    { id: string; incidentId: string | null; severity: number; techniques: string[]; inserted: boolean }
  >();
  const lookup = [...new Set(unique.flatMap((p) => [...p.keys, ...p.probes]))];

  const hostScope = `${auth.tenant}|${auth.sensorId}`;
  const hosts = recentHosts.unseen(
    hostScope,
    unique.flatMap((p) => p.hosts),
    receivedAt.getTime(),
  );

  // The order in which the batch claims its keys: one order for all batches of the process (see holdKeys).
  const held = holdKeys(
    auth.tenant,
    unique.map((p) => p.dedupKey),
  );

  const mailAfter: string[] = [];
  try {
    await withRetry(() =>
      runAsTenant(db, auth.tenant, async (tx) => {
        mailAfter.length = 0;
        written.clear();
        // Everything the batch writes besides its alerts comes first: the alert rows are the ones concurrent batches
        // of the customer share (re-sent dedup keys), and the upsert holds them until commit, so it runs as late as
        // it can — the only statements after it are the correlation's, for new alerts that join an open incident.
        // The hosts the alerts name are shared too, but their write never waits for another batch (writeSightings).
        await learnHosts(tx, auth.tenant, auth.sensorId, hosts, receivedAt);
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

        let candidates: Candidate[] = [];
        if (columns) {
          const up = await upsertAlerts(tx, auth.tenant, columns, lookup, held.claim);
          for (const r of up.rows) written.set(r.dedupKey, r);
          candidates = up.candidates;
        }

        // After the upsert: the set-based follow-up work for the whole batch, in this transaction.
        // Correlation: new alerts join an open incident of this customer sharing an entity within the window.
        const fresh = unique.filter((p) => written.get(p.dedupKey)?.inserted && p.keys.length + p.probes.length > 0);
        if (fresh.length && candidates.length) {
          const open = new Map<string, OpenIncident>();
          for (const r of candidates) {
            const c = open.get(r.id) ?? { id: r.id, latestEventTime: r.latestEventTime, keys: [] };
            c.keys.push(r.key);
            open.set(r.id, c);
          }
          if (open.size) {
            const joins = new Map<string, AlertFacts[]>();
            for (const p of fresh.sort((a, b) => a.eventTime.getTime() - b.eventTime.getTime())) {
              const target = chooseIncident({ eventTime: p.eventTime, keys: [...p.keys, ...p.probes] }, [
                ...open.values(),
              ]);
              if (!target) continue;
              const c = open.get(target)!;
              if (p.eventTime > c.latestEventTime) c.latestEventTime = p.eventTime;
              c.keys = [...new Set([...c.keys, ...p.keys])];
              joins.set(target, [...(joins.get(target) ?? []), p]);
              written.get(p.dedupKey)!.incidentId = target;
            }
            for (const [incidentId, list] of [...joins].sort(([a], [b]) => (a < b ? -1 : 1))) {
              await attachAlerts(
                tx,
                auth.tenant,
                incidentId,
                list.map((p) => ({
                  id: written.get(p.dedupKey)!.id,
                  dedupKey: p.dedupKey,
                  title: p.title,
                  severity: p.severity,
                  eventTime: p.eventTime,
                  receivedAt,
                  vendorCreatedAt: p.vendorCreatedAt,
                  techniques: p.techniques,
                  entities: entitiesAt(columns!, positionOf.get(p.dedupKey)!),
                  keys: p.keys,
                })),
                { ...intakeActor, at: receivedAt },
              );
              mailAfter.push(...(await recomputeIncidentClocks(tx, auth.tenant, incidentId, receivedAt)));
            }
          }
        }

        for (const { index, key } of order) {
          const w = written.get(key)!;
          const firstOfKey = firstIndex.get(key) === index;
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
  } finally {
    held.release();
  }
  recentHosts.remember(hostScope, hosts, receivedAt.getTime());
  // After commit, in its own statement: the mark's row is the one row every request of the customer writes, and
  // inside the batch's transaction its lock would queue the customer's concurrent batches behind each other.
  await markFactsChanged(db, auth.tenant);

  if (mailAfter.length) await deliverQueued(db, mailAfter);
  // "Last event" is a cache of the facts (the alerts): refreshed after commit, at most every 15 s per sensor and
  // process, so concurrent requests never queue on the sensor's row.
  if (order.length || health.length) {
    const seen = lastSensorTouch.get(auth.sensorId) ?? 0;
    if (Math.abs(receivedAt.getTime() - seen) > 15_000) {
      lastSensorTouch.set(auth.sensorId, receivedAt.getTime());
      await runAsTenant(db, auth.tenant, (tx) => markSensorEvent(tx, auth.tenant, auth.sensorId, receivedAt));
    }
  }
  await touchKey(db, auth, receivedAt);
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
  await touchKey(db, auth, at);
}

/** The key's "last used", written at most once a minute per key and process (a busy sensor's key is not a hot row). */
export async function touchKey(db: Db, auth: IntakeAuth, at: Date) {
  if (keyTouchDue(auth, at)) await runAsTenant(db, auth.tenant, (tx) => markKeyUsed(tx, auth.keyId, at));
}

/** True (and noted) when the key's "last used" is due to be written at `at`: the caller writes it. */
export function keyTouchDue(auth: IntakeAuth, at: Date): boolean {
  const last = lastKeyTouch.get(auth.keyId) ?? 0;
  if (Math.abs(at.getTime() - last) <= 60_000) return false;
  lastKeyTouch.set(auth.keyId, at.getTime());
  return true;
}

/** The write that `keyTouchDue` promised did not happen: let the next request try again. */
export const keyTouchFailed = (auth: IntakeAuth) => lastKeyTouch.delete(auth.keyId);
