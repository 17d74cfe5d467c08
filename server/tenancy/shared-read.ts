import { env } from "@/server/env";
import type { ActorContext } from "./tenant";

type Entry = { until: number; value: Promise<unknown> };
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
 */
export function sharedRead<T>(
  ctx: ActorContext,
  key: string,
  read: () => Promise<T>,
  ttlMs = env.SHARED_READ_SECONDS * 1000,
  now = Date.now(),
): Promise<T> {
  if (ctx.actor.side !== "staff" || ttlMs <= 0) return read();
  const known = entries.get(key);
  if (known && known.until > now) return known.value as Promise<T>;
  const value = read();
  entries.delete(key);
  if (entries.size >= MAX_ENTRIES) prune(now);
  entries.set(key, { until: now + ttlMs, value });
  // A failed read is not kept: the next request reads again.
  value.catch(() => {
    if (entries.get(key)?.value === value) entries.delete(key);
  });
  return value;
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
 * Forgets every shared read: after any change made through this process's API (a tRPC mutation, once its transaction
 * has committed), so whoever made it, and everyone else on this instance, sees the pages with it at once. A read
 * still running from before the change is no longer in the map, so no request started after it gets that answer.
 */
export function forgetSharedReads() {
  entries.clear();
}

/**
 * A staff page's provider-wide read shared by procedure and input (`sharedRead`): the SLA page, the manager's home,
 * the coverage matrix and the roster show every staff member the same answer for the same input. Not for what a
 * background job moves while someone watches (the reports matrix and its progress: jobs are not API changes, so
 * nothing would forget it). `input` must be what the procedure parsed (plain data and dates), so equal inputs give
 * equal keys.
 */
export function sharedPageRead<T>(ctx: ActorContext, procedure: string, input: unknown, read: () => Promise<T>) {
  return sharedRead(ctx, `${procedure}:${JSON.stringify(input ?? null)}`, read);
}
