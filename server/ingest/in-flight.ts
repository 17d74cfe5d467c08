/**
 * The dedup keys that this process's batches are writing right now, per customer, and the order in which a batch
 * claims its keys in `upsertAlerts`.
 *
 * A re-sent alert's key is often in a batch still in flight (a sensor re-sends what it sent seconds ago), and the
 * upsert waits at such a key until that batch commits — holding every key it has claimed so far. Two rules follow:
 * - Batches must claim shared keys in one order, or two of them can each hold a key the other waits for (a deadlock,
 *   which PostgreSQL only breaks after `deadlock_timeout`, a second). Plain key order is one such order, but with it a
 *   batch waiting at a shared key holds many keys of its own, and the next batch queues behind it (a convoy).
 * - So each key carries an epoch: the number of the batch that registered it while no other batch held it. It stays
 *   the key's epoch as long as some batch holds it, so every batch holding a key at the same time sees the same one.
 *   A batch claims its keys by epoch, newest first, then by key: its own new keys first, and the keys earlier batches
 *   are still writing after them — by then those batches have usually committed. (epoch, key) is one order for every
 *   batch of the process at any moment, so they cannot deadlock each other; across processes `withRetry` handles one.
 */
type Held = { count: number; epoch: number };
const keysInFlight = new Map<string, Map<string, Held>>();
let lastEpoch = 0;

/** Registers a batch's keys (sorted by key); `claim[i]` is the place of `keys[i]` in the order the batch claims them. */
export function holdKeys(tenant: string, keys: readonly string[]) {
  let held = keysInFlight.get(tenant);
  if (!held) {
    held = new Map();
    keysInFlight.set(tenant, held);
  }
  const mine = held;
  const epoch = ++lastEpoch;
  const epochs = keys.map((k) => {
    const h = mine.get(k);
    if (!h) {
      mine.set(k, { count: 1, epoch });
      return epoch;
    }
    h.count++;
    return h.epoch;
  });
  const byClaim = keys.map((_, i) => i).sort((a, b) => epochs[b]! - epochs[a]! || a - b);
  const claim = new Array<number>(keys.length);
  byClaim.forEach((i, place) => {
    claim[i] = place;
  });
  return {
    claim,
    release() {
      for (const k of keys) {
        const h = mine.get(k);
        if (h && --h.count === 0) mine.delete(k);
      }
      if (mine.size === 0 && keysInFlight.get(tenant) === mine) keysInFlight.delete(tenant);
    },
  };
}
