import type { Db } from "@/db";
import type { IntakeAuth } from "./auth";
import type { ParsedItem } from "./parse";
import { type ItemResult, ingestItems } from "./service";

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
