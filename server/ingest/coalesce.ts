import type postgres from "postgres";
import type { DatabaseHandle, Db } from "@/db";
import { APP_ROLE } from "@/server/tenancy/scope";
import type { IntakeAuth } from "./auth";
import type { ParsedItem } from "./parse";
import { heartbeatText, keyUsedText } from "./queries";
import { type ItemResult, ingestItems, keyTouchDue, keyTouchFailed, recordHeartbeat } from "./service";

/**
 * Group commit for small requests. A sensor that sends one alert per request pays a whole transaction per alert
 * (begin, tenant scope, upsert, hosts, commit and its WAL flush); under load that, not the alert, is the cost. So
 * requests of one key that arrive while that key's earlier requests are being written wait for them and then go in
 * together, as one batch through the same path a batched request takes. Nothing changes for the sensor: each request
 * is answered with its own items' results, only after the transaction holding them has committed (a 2xx still means
 * committed). Groups never mix keys, so never tenants or sensors. If a group fails as a whole (anything but a rejected
 * item), its requests are run again one by one, so one request's failure is never another's.
 */
export const COALESCE = {
  /** Requests of at most this many items may be grouped; larger batches go straight through. */
  smallRequest: 50,
  /** Items per group at most. */
  maxItems: 500,
  /** Groups of one key written at once (the rest wait and join the next group). */
  lanes: 2,
};

/** Requests and the transactions that wrote them, since start (tests; operators reading how well grouping works). */
export const groupStats = { requests: 0, groups: 0 };

type Job = {
  items: ParsedItem[];
  receivedAt: Date;
  resolve: (r: ItemResult[]) => void;
  reject: (e: unknown) => void;
};
type Queue = { db: Db; auth: IntakeAuth; waiting: Job[]; running: number };

const queues = new Map<string, Queue>();

export function ingestGrouped(db: Db, auth: IntakeAuth, items: ParsedItem[], receivedAt = new Date()) {
  if (items.length > COALESCE.smallRequest) return ingestItems(db, auth, items, receivedAt);
  const id = `${auth.keyId}|${auth.tenant}|${auth.sensorId}|${auth.sourceFormat}`;
  let q = queues.get(id);
  if (!q || q.db !== db) {
    q = { db, auth, waiting: [], running: 0 };
    queues.set(id, q);
  }
  const queue = q;
  return new Promise<ItemResult[]>((resolve, reject) => {
    queue.waiting.push({ items, receivedAt, resolve, reject });
    pump(id, queue);
  });
}

function pump(id: string, q: Queue) {
  while (q.running < COALESCE.lanes && q.waiting.length) {
    const group: Job[] = [];
    let size = 0;
    while (q.waiting.length && (group.length === 0 || size + q.waiting[0]!.items.length <= COALESCE.maxItems)) {
      const job = q.waiting.shift()!;
      group.push(job);
      size += job.items.length;
    }
    q.running++;
    void write(q, group).finally(() => {
      q.running--;
      if (q.waiting.length) pump(id, q);
      else if (q.running === 0 && queues.get(id) === q) queues.delete(id);
    });
  }
}

async function write(q: Queue, group: Job[]) {
  groupStats.groups++;
  groupStats.requests += group.length;
  if (group.length === 1) {
    const job = group[0]!;
    await ingestItems(q.db, q.auth, job.items, job.receivedAt).then(job.resolve, job.reject);
    return;
  }
  let results: ItemResult[];
  try {
    // One receivedAt for the group: the first request's arrival (they are at most one transaction apart).
    results = await ingestItems(
      q.db,
      q.auth,
      group.flatMap((j) => j.items),
      group[0]!.receivedAt,
    );
  } catch {
    for (const job of group) await ingestItems(q.db, q.auth, job.items, job.receivedAt).then(job.resolve, job.reject);
    return;
  }
  let at = 0;
  for (const job of group) {
    job.resolve(results.slice(at, at + job.items.length));
    at += job.items.length;
  }
}

// ---- heartbeats ----

/**
 * Group commit for heartbeats on PostgreSQL. A heartbeat is one small statement, so alone it costs a transaction's
 * round trips (begin, tenant scope, statement, commit) — on a loaded two-core machine the socket writes, not the
 * statement, were most of the time. Heartbeats arriving while earlier ones are being written go in together, across
 * sensors and customers, as one simple-protocol query: one implicit transaction as `wk_app` where each heartbeat's
 * statement runs right after setting the scope to its own key's customer, so row-level security binds every
 * statement exactly as `runAsTenant` would. A sensor's heartbeats are written in arrival order (at most one per group,
 * none while one is being written: its hourly row's gaps depend on the order), sensors in id order (concurrent groups lock rows in the same order). Each request is answered after the
 * commit; if a group fails, its heartbeats are written again one by one through the ordinary path, so one sensor's
 * failure is never another's. The embedded database has one connection and no gain: it takes the ordinary path.
 */
export const HEARTBEAT_GROUP = {
  /** Heartbeats per group at most. */
  maxBeats: 200,
  /**
   * Groups written at once. One: fewer, larger groups cost fewer round trips, and each PostgreSQL round trip's socket
   * write was the largest item of the profile (quiet runs at 100 customers: 1 lane 2,156/s, 2 lanes 2,033/s, 3 lanes
   * 1,623/s). A group waits at most `lockTimeout` for a row lock (e.g. a sweep holding a sensor), then its heartbeats
   * are written one by one, so one stuck group does not hold the lane.
   */
  lanes: 1,
  lockTimeout: "2s",
};

export const heartbeatStats = { beats: 0, groups: 0 };

type Beat = { version?: string; eventsPerSecond?: number; hostCount?: number };
type BeatJob = { auth: IntakeAuth; body: Beat; at: Date; resolve: () => void; reject: (e: unknown) => void };
type BeatQueue = { db: Db; sql: postgres.Sql; waiting: BeatJob[]; running: number; writing: Set<string> };
const beatQueues = new WeakMap<object, BeatQueue>();

export function recordHeartbeatGrouped(handle: DatabaseHandle, auth: IntakeAuth, body: Beat, at = new Date()) {
  if (handle.kind !== "postgres" || !handle.sql) return recordHeartbeat(handle.db, auth, body, at);
  let q = beatQueues.get(handle.sql);
  if (!q) {
    q = { db: handle.db, sql: handle.sql, waiting: [], running: 0, writing: new Set() };
    beatQueues.set(handle.sql, q);
  }
  const queue = q;
  return new Promise<void>((resolve, reject) => {
    queue.waiting.push({ auth, body, at, resolve, reject });
    pumpBeats(queue);
  });
}

function pumpBeats(q: BeatQueue) {
  while (q.running < HEARTBEAT_GROUP.lanes && q.waiting.length) {
    // A sensor's heartbeats are written in arrival order: none of a sensor being written, one per sensor a group.
    const group: BeatJob[] = [];
    const later: BeatJob[] = [];
    const taken = new Set<string>();
    while (q.waiting.length && group.length < HEARTBEAT_GROUP.maxBeats) {
      const job = q.waiting.shift()!;
      const id = job.auth.sensorId;
      if (taken.has(id) || q.writing.has(id)) later.push(job);
      else group.push(job);
      taken.add(id);
    }
    q.waiting.unshift(...later);
    if (group.length === 0) return;
    for (const job of group) q.writing.add(job.auth.sensorId);
    q.running++;
    // The lane is free when the group's query is done; a sensor is free when its own heartbeat is written (after a
    // failed group, one by one outside the lane).
    const settled = (job: BeatJob) => {
      q.writing.delete(job.auth.sensorId);
      if (q.waiting.length) pumpBeats(q);
    };
    void writeBeats(q, group, settled).finally(() => {
      q.running--;
      if (q.waiting.length) pumpBeats(q);
    });
  }
}

async function writeBeats(q: BeatQueue, group: BeatJob[], settled: (job: BeatJob) => void) {
  heartbeatStats.groups++;
  heartbeatStats.beats += group.length;
  // Even alone, a heartbeat goes this way: one round trip instead of a transaction's four.
  group.sort((a, b) => (a.auth.sensorId < b.auth.sensorId ? -1 : a.auth.sensorId > b.auth.sensorId ? 1 : 0));
  // The keys' "last used" (at most once a minute per key) in the same query, in each key's own scope.
  const touched = new Set(group.filter((j) => keyTouchDue(j.auth, j.at)));
  try {
    const text = [
      `select set_config('role', '${APP_ROLE}', true), set_config('lock_timeout', '${HEARTBEAT_GROUP.lockTimeout}', true)`,
      ...group.map(
        (j) =>
          `select set_config('app.customer_id', '${j.auth.tenant}', true), set_config('app.scope', 'customer', true);\n` +
          heartbeatText(j.auth.tenant, j.auth.sensorId, j.at, j.body) +
          (touched.has(j) ? `;\n${keyUsedText(j.auth.keyId, j.at)}` : ""),
      ),
    ].join(";\n");
    await q.sql.unsafe(text);
  } catch {
    for (const job of touched) keyTouchFailed(job.auth);
    // Side by side and outside the lane (each its own transaction on its own sensor): a sensor still locked holds
    // neither the others nor the heartbeats arriving meanwhile.
    for (const job of group)
      void recordHeartbeat(q.db, job.auth, job.body, job.at)
        .then(job.resolve, job.reject)
        .finally(() => settled(job));
    return;
  }
  for (const job of group) {
    job.resolve();
    settled(job);
  }
}
