/**
 * Asset identity (coverage-rules.md, Assets): a host is identified within one customer by the first of its EDR agent
 * id, its fully qualified host name, its host name. Pure.
 */
export type HostFacts = {
  agentId: string | null;
  fqdn: string | null;
  hostname: string | null;
  ip: string | null;
  os: string | null;
};

const MAX = 255;
const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;

const clean = (v: string | null | undefined, max = MAX): string | null => {
  const t = (v ?? "").trim();
  return t && t !== "-" ? t.slice(0, max) : null;
};

/** True for an IPv4 or IPv6 literal: an address is never a host name. */
export const isIpLiteral = (v: string) => IPV4.test(v) || (v.includes(":") && /^[0-9a-f:.]+$/i.test(v));

/**
 * Splits a vendor's host name into FQDN and short name: a dotted name is an FQDN whose first label is the host name;
 * an undotted one is a host name only. Lower-cased, trailing dot dropped; IP literals and "localhost" are no name.
 */
export function splitHostName(name: string | null | undefined): { fqdn: string | null; hostname: string | null } {
  const n = clean(name)?.toLowerCase().replace(/\.$/, "") ?? null;
  if (!n || n === "localhost" || isIpLiteral(n)) return { fqdn: null, hostname: null };
  if (!n.includes(".")) return { fqdn: null, hostname: n };
  return { fqdn: n, hostname: n.split(".")[0] || null };
}

/** Facts from what a sensor or a file says about a host; null when it names no host at all. */
export function hostFacts(input: {
  agentId?: string | null;
  fqdn?: string | null;
  hostname?: string | null;
  ip?: string | null;
  os?: string | null;
}): HostFacts | null {
  const fromFqdn = splitHostName(input.fqdn);
  const fromName = splitHostName(input.hostname);
  const facts: HostFacts = {
    agentId: clean(input.agentId),
    fqdn: fromFqdn.fqdn ?? fromName.fqdn,
    hostname: fromName.hostname ?? fromFqdn.hostname,
    ip: clean(input.ip, 64),
    os: clean(input.os, 120),
  };
  return identityKey(facts) ? facts : null;
}

/** `agent:<id>`, else `fqdn:<name>`, else `host:<name>` (lower-cased); null when none is known. */
export function identityKey(f: Pick<HostFacts, "agentId" | "fqdn" | "hostname">): string | null {
  if (f.agentId) return `agent:${f.agentId.toLowerCase()}`;
  if (f.fqdn) return `fqdn:${f.fqdn}`;
  if (f.hostname) return `host:${f.hostname}`;
  return null;
}

/** The entity keys (server/ingest/correlate.ts) under which incidents name this host. */
export function incidentKeysOf(f: Pick<HostFacts, "agentId" | "fqdn" | "hostname">): string[] {
  const keys: string[] = [];
  const short = f.hostname ?? f.fqdn?.split(".")[0];
  if (short) keys.push(`host:${short}`);
  if (f.agentId) keys.push(`hostid:${f.agentId.toLowerCase()}`);
  return keys;
}

/**
 * One row per identity: several mentions of the same host in one batch (an alert batch, an inventory) merge, the
 * later mention's facts filling or replacing the earlier ones.
 */
export function dedupeHosts(list: readonly HostFacts[]): (HostFacts & { key: string })[] {
  const by = new Map<string, HostFacts & { key: string }>();
  for (const f of list) {
    const key = identityKey(f);
    if (!key) continue;
    const prev = by.get(key);
    by.set(key, {
      key,
      agentId: f.agentId ?? prev?.agentId ?? null,
      fqdn: f.fqdn ?? prev?.fqdn ?? null,
      hostname: f.hostname ?? prev?.hostname ?? null,
      ip: f.ip ?? prev?.ip ?? null,
      os: f.os ?? prev?.os ?? null,
    });
  }
  return [...by.values()];
}

/** Facts from an alert's host entity (server/ingest/types.ts HostEntity). */
export const factsFromEntity = (h: { name?: string; id?: string; ips?: string[]; os?: string }) =>
  hostFacts({ agentId: h.id, hostname: h.name, ip: h.ips?.[0], os: h.os });
