import type { HostFacts } from "./identity";

/**
 * Which known asset a reported host is (coverage-rules.md: identified by the first of agent id, FQDN, host name).
 * In order: the same identity key; the same agent id; for a host with an agent, a name-only asset of the same FQDN
 * (or host name) that it now identifies; for a host without an agent, the asset of the same FQDN (or host name),
 * agents first. Otherwise it is new. A name-only asset is never re-keyed, so no write can collide. Pure.
 */
export type KnownAsset = {
  id: string;
  identityKey: string;
  agentId: string | null;
  fqdn: string | null;
  hostname: string | null;
  lastSeenAt: Date;
};

export function resolveHosts(hosts: readonly (HostFacts & { key: string })[], known: readonly KnownAsset[]) {
  const byKey = new Map(known.map((k) => [k.identityKey, k]));
  const byAgent = new Map<string, KnownAsset>();
  for (const k of known) if (k.agentId) byAgent.set(k.agentId.toLowerCase(), k);
  const sameName = (h: HostFacts, k: KnownAsset) => (h.fqdn ? k.fqdn === h.fqdn : k.hostname === h.hostname);
  const adopted = new Set<string>();
  const matched: { id: string; host: HostFacts & { key: string } }[] = [];
  const fresh: (HostFacts & { key: string })[] = [];
  for (const h of hosts) {
    let hit = byKey.get(h.key) ?? (h.agentId ? byAgent.get(h.agentId.toLowerCase()) : undefined);
    if (!hit && h.agentId && (h.fqdn || h.hostname)) {
      hit = known.find((k) => !k.agentId && !adopted.has(k.id) && sameName(h, k));
      if (hit) adopted.add(hit.id);
    }
    if (!hit && !h.agentId && (h.fqdn || h.hostname)) {
      hit = known
        .filter((k) => sameName(h, k))
        .sort((a, b) => Number(!a.agentId) - Number(!b.agentId) || b.lastSeenAt.getTime() - a.lastSeenAt.getTime())[0];
    }
    if (hit) matched.push({ id: hit.id, host: h });
    else fresh.push(h);
  }
  return { matched, fresh };
}
