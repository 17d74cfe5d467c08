import { env } from "@/server/env";
import { log } from "@/server/log";
import { rootOf, runAsStaff } from "./scope";
import type { ActorContext } from "./tenant";

type Entry = {
  born: number;
  until: number;
  value: Promise<unknown>;
  refreshing: boolean;
  /** Requests served from this answer after the one that read it. */
  hits: number;
  /** Refreshes still to run in the background without anyone asking (`KEEP_WARM`). */
  warm: number;
  /** A background refresh is scheduled for this answer. */
  scheduled: boolean;
  /** The routers whose changes cannot move this answer (`forgetSharedReads`); none: every change forgets it. */
  keptOn?: ReadonlySet<string>;
};
// One map per process on globalThis: Next bundles the pages' server render, the routes and the direct API path
// (server/trpc/http.ts) separately, and a change through any of them must forget what all of them share.
const g = globalThis as { __wkSharedReads?: Map<string, Entry> };
g.__wkSharedReads ??= new Map<string, Entry>();
const entries = g.__wkSharedReads;

/**
 * A provider-wide read that every console page asks for (the frame polls "on duty now", the SLA banner's clocks and
 * the sensor banner on every page of every staff member), shared by all staff requests of this process for
 * `SHARED_READ_SECONDS` (default 10; 0 in tests): at a large provider fifty people opening pages would otherwise read
 * and work out the same answer dozens of times a second. The answer may be that many seconds old (the banners poll
 * every 30 s); a change made through this process forgets it at once (`forgetSharedRead`), other instances see it
 * when theirs expires. Only staff share it: any other caller reads for itself, so a customer's request can never get a
 * provider-wide answer from here. Callers must not mutate what it returns (several requests hold the same object).
 *
 * Read ahead: once an answer has lived `REFRESH_AFTER` of its lifetime, the next request still gets it at once and
 * starts the next read in its own transaction (`refresh`), which takes the answer's place when done, unless a change
 * forgot it meanwhile. Under steady traffic nobody waits for a read (before, every request arriving while one ran
 * waited for it: the tail of the SLA page and the coverage matrix at 50 users), and no answer is older than its
 * lifetime. `read` gets the context to read with: the request's, or the refresh's own.
 *
 * Kept warm: an answer asked for again while it lives (a page several people have open, or one person polling) is also
 * refreshed in the background at that same point of its life when no request comes by then, and each answer refreshed
 * that way is refreshed again, up to `KEEP_WARM` times in a row without anyone asking; then it lapses. The home and the
 * SLA page polled every 30 s by a few managers then never wait for a read, except right after a change forgot it. An
 * answer asked for once is never kept warm.
 *
 * `keptOn`: the routers whose changes cannot move the answer (`CASEWORK`); their changes leave it alone.
 */
export function sharedRead<T, C extends ActorContext>(
  ctx: C,
  key: string,
  read: (ctx: C) => Promise<T>,
  ttlMs = env.SHARED_READ_SECONDS * 1000,
  now = Date.now(),
  refresh: Refresher = inOwnTransaction,
  keptOn?: ReadonlySet<string>,
): Promise<T> {
  if (ctx.actor.side !== "staff" || ttlMs <= 0) return read(ctx);
  const known = entries.get(key);
  if (known && known.until > now) {
    known.hits++;
    if (!known.refreshing && now - known.born >= ttlMs * REFRESH_AFTER)
      readAhead(ctx, key, known, read, ttlMs, now, refresh);
    else if (!known.scheduled) {
      // The request's transaction ends with it: the background refresh opens its own on the same database.
      keepWarm({ ...ctx, db: rootOf(ctx.db), memo: undefined }, key, known, read, ttlMs, refresh, now);
    }
    return known.value as Promise<T>;
  }
  const value = read(ctx);
  entries.delete(key);
  if (entries.size >= MAX_ENTRIES) prune(now);
  entries.set(key, fresh(now, ttlMs, value, 0, keptOn));
  // A failed read is not kept: the next request reads again.
  value.catch(() => {
    if (entries.get(key)?.value === value) entries.delete(key);
  });
  return value;
}

/** The share of an answer's lifetime after which the next request starts reading the next one. */
export const REFRESH_AFTER = 0.75;

/** Background refreshes in a row, without anyone asking, of an answer that was asked for again (then it lapses). */
export const KEEP_WARM = 2;

const fresh = (
  now: number,
  ttlMs: number,
  value: Promise<unknown>,
  warm: number,
  keptOn: ReadonlySet<string> | undefined,
): Entry => ({
  born: now,
  until: now + ttlMs,
  value,
  refreshing: false,
  hits: 0,
  warm,
  scheduled: false,
  keptOn,
});

/** Schedules the entry's refresh at `REFRESH_AFTER` of its life, unless a request (or a change) comes first. */
function keepWarm<T, C extends ActorContext>(
  ctx: C,
  key: string,
  entry: Entry,
  read: (ctx: C) => Promise<T>,
  ttlMs: number,
  refresh: Refresher,
  now: number,
) {
  entry.scheduled = true;
  const at = entry.born + ttlMs * REFRESH_AFTER;
  // Timed on the caller's clock (`now`), so the refreshed answer's lifetime starts when the timer was due.
  const timer = setTimeout(
    () => {
      if (entries.get(key) !== entry || entry.refreshing) return;
      readAhead(ctx, key, entry, read, ttlMs, at, refresh, true);
    },
    Math.max(0, at - now),
  );
  timer.unref?.();
}

/** Runs a read apart from the request that asked for it. */
export type Refresher = <T, C extends ActorContext>(ctx: C, read: (ctx: C) => Promise<T>) => Promise<T>;

/**
 * A refresh outlives the request that started it, so it cannot use that request's transaction: it opens its own, as
 * `wk_app` with the staff scope (only staff requests share reads) and the same user, and no request memo.
 */
const inOwnTransaction: Refresher = (ctx, read) =>
  runAsStaff(rootOf(ctx.db), ctx.user.id, (tx) => read({ ...ctx, db: tx, memo: undefined }));

function readAhead<T, C extends ActorContext>(
  ctx: C,
  key: string,
  known: Entry,
  read: (ctx: C) => Promise<T>,
  ttlMs: number,
  now: number,
  refresh: Refresher,
  background = false,
) {
  known.refreshing = true;
  // The refresh's context outlives the request: kept for the next background refresh, on the request's database.
  const keep = background ? ctx : { ...ctx, db: rootOf(ctx.db), memo: undefined };
  refresh(ctx, read).then(
    (answer) => {
      // Forgotten (a change) or replaced meanwhile: this answer may predate the change, so it is not kept.
      if (entries.get(key) !== known) return;
      entries.delete(key);
      // Asked for while it lived: keep the next one warm; refreshed unasked: one fewer left.
      const warm = known.hits > 0 ? KEEP_WARM : background ? known.warm - 1 : 0;
      const next = fresh(now, ttlMs, Promise.resolve(answer), warm, known.keptOn);
      entries.set(key, next);
      if (warm > 0) keepWarm(keep, key, next, read, ttlMs, refresh, now);
    },
    (e) => {
      // The current answer stays until it expires; the next request tries again.
      known.refreshing = false;
      log.error({ key, err: e }, "shared read: the refresh failed");
    },
  );
}

/** Searches and pages make many keys: past this many, the expired go, then the oldest. */
export const MAX_ENTRIES = 500;

function prune(now: number) {
  for (const [k, e] of entries) if (e.until <= now) entries.delete(k);
  // Insertion order is age order (a key read again is re-inserted).
  for (const k of entries.keys()) {
    if (entries.size < MAX_ENTRIES) break;
    entries.delete(k);
  }
}

/** Forgets a shared read after a change through this process (the next request reads it again). */
export function forgetSharedRead(key: string) {
  entries.delete(key);
}

/**
 * Forgets the shared reads a change can move: after any change made through this process's API (a tRPC mutation,
 * once its transaction has committed, with its router's name), so whoever made it, and everyone else on this
 * instance, sees the pages with it at once. A read kept on that router's changes (`keptOn`) stays; without a router,
 * every read goes. A read still running from before the change is no longer in the map, so no request started after
 * it gets that answer.
 */
export function forgetSharedReads(router?: string) {
  if (router === undefined) {
    entries.clear();
    return;
  }
  for (const [key, e] of entries) if (!e.keptOn?.has(router)) entries.delete(key);
}

/**
 * The routers of casework — alerts, incidents, the customer's replies, recommendations, hunts, reports — whose
 * changes 150 analysts make all day. None of them changes a shift, a sensor, a contract or a customer, and the kept
 * posture scores are the posture job's, so reads of only those (who is on duty, the sensors' banner, the coverage
 * matrix, the posture page) are kept on their changes instead of being read again after each one.
 */
export const CASEWORK: ReadonlySet<string> = new Set([
  "alerts",
  "incidents",
  "myIncidents",
  "recommendations",
  "myRecommendations",
  "hunts",
  "myHunts",
  "reports",
  "myReports",
]);

/**
 * A staff page's provider-wide read shared by procedure and input (`sharedRead`): the SLA page, the manager's home,
 * the coverage matrix and the roster show every staff member the same answer for the same input. Not for what a
 * background job moves while someone watches (the reports matrix and its progress: jobs are not API changes, so
 * nothing would forget it). `input` must be what the procedure parsed (plain data and dates), so equal inputs give
 * equal keys. `keptOn` as for `sharedRead`.
 */
export function sharedPageRead<T, C extends ActorContext>(
  ctx: C,
  procedure: string,
  input: unknown,
  read: (ctx: C) => Promise<T>,
  keptOn?: ReadonlySet<string>,
) {
  return sharedRead(
    ctx,
    `${procedure}:${JSON.stringify(input ?? null)}`,
    read,
    undefined,
    undefined,
    undefined,
    keptOn,
  );
}
