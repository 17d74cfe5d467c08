/**
 * The dedup keys that this process's batches are writing right now, per customer (with how many batches hold each).
 * A re-sent alert's key is often in a batch still in flight (a sensor re-sends what it sent seconds ago), and the
 * upsert waits at such a key until that batch commits — holding every key it has locked so far, so the next batch
 * waits on it in turn (a convoy). A batch therefore claims the keys another batch holds after all its other keys
 * (`upsertAlerts`' `last`): by then the other batch has usually committed, and in the meantime this one claimed the rest.
 * Only keys of batches that started earlier are put last, so a later batch waits on an earlier one and never the
 * reverse (no deadlock within a process; across processes `withRetry` handles one).
 */
const keysInFlight = new Map<string, Map<string, number>>();

/** Registers a batch's keys; `busy` are those another batch of this process already holds. */
export function holdKeys(tenant: string, keys: readonly string[]) {
  let held = keysInFlight.get(tenant);
  if (!held) {
    held = new Map();
    keysInFlight.set(tenant, held);
  }
  const mine = held;
  const busy = new Set<string>();
  for (const k of keys) {
    const n = mine.get(k) ?? 0;
    if (n > 0) busy.add(k);
    mine.set(k, n + 1);
  }
  return {
    busy,
    release() {
      for (const k of keys) {
        const n = (mine.get(k) ?? 1) - 1;
        if (n > 0) mine.set(k, n);
        else mine.delete(k);
      }
      if (mine.size === 0 && keysInFlight.get(tenant) === mine) keysInFlight.delete(tenant);
    },
  };
}
