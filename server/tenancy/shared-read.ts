import { env } from "@/server/env";
import type { ActorContext } from "./tenant";

type Entry = { until: number; value: Promise<unknown> };
const entries = new Map<string, Entry>();

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
  entries.set(key, { until: now + ttlMs, value });
  // A failed read is not kept: the next request reads again.
  value.catch(() => {
    if (entries.get(key)?.value === value) entries.delete(key);
  });
  return value;
}

/** Forgets a shared read after a change through this process (the next request reads it again). */
export function forgetSharedRead(key: string) {
  entries.delete(key);
}
