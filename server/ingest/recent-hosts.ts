import type { HostEntity } from "./types";

/**
 * Hosts this process has just recorded for a sensor (assets and sightings, server/assets `learnHosts`). Recording
 * the same host with the same facts again within a minute writes nothing there (a sighting moves only by the
 * minute), yet costs a read and up to three statements per request; so a host mentioned again, unchanged, within
 * `ttlMs` is left out. Remembered only after the transaction that recorded it has committed. Pure: `now` is given.
 */
export class RecentHosts {
  private readonly seen = new Map<string, number>();

  constructor(
    private readonly ttlMs = 30_000,
    private readonly max = 50_000,
  ) {}

  private key = (scope: string, h: HostEntity) =>
    `${scope}\u0000${h.id ?? ""}\u0000${h.name ?? ""}\u0000${h.ips?.[0] ?? ""}\u0000${h.os ?? ""}`;

  /** The hosts not recorded for this scope (tenant and sensor) within the last `ttlMs`. */
  unseen(scope: string, hosts: readonly HostEntity[], now: number): HostEntity[] {
    return hosts.filter((h) => {
      const at = this.seen.get(this.key(scope, h));
      return at === undefined || now - at >= this.ttlMs || at > now;
    });
  }

  remember(scope: string, hosts: readonly HostEntity[], now: number) {
    if (this.seen.size + hosts.length > this.max) this.seen.clear();
    for (const h of hosts) this.seen.set(this.key(scope, h), now);
  }

  clear() {
    this.seen.clear();
  }
}
