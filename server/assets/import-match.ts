import { identityKey } from "./identity";
import type { ImportRow } from "./import-rows";

/**
 * Which existing asset an imported row updates: the one with the same identity key, else the one with the same FQDN,
 * else the only one with the same host name (a host an EDR agent reported keeps its agent identity). Pure.
 */
export type Candidate = { id: string; identityKey: string; fqdn: string | null; hostname: string | null };

export function matchImport(rows: readonly ImportRow[], existing: readonly Candidate[]) {
  const byKey = new Map(existing.map((c) => [c.identityKey, c.id]));
  const byFqdn = new Map<string, string>();
  const byHost = new Map<string, string[]>();
  for (const c of existing) {
    if (c.fqdn) byFqdn.set(c.fqdn, c.id);
    if (c.hostname) byHost.set(c.hostname, [...(byHost.get(c.hostname) ?? []), c.id]);
  }
  const taken = new Set<string>();
  return rows.map((r) => {
    const key = identityKey({ agentId: null, fqdn: r.fqdn, hostname: r.hostname })!;
    const hosts = byHost.get(r.hostname) ?? [];
    let id = byKey.get(key) ?? (r.fqdn ? byFqdn.get(r.fqdn) : undefined) ?? (hosts.length === 1 ? hosts[0] : undefined);
    if (id && taken.has(id)) id = undefined;
    if (id) taken.add(id);
    return { ...r, key, id: id ?? null };
  });
}
