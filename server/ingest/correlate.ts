import { isPrivateIp } from "./normalize/read";
import type { Entities } from "./types";

/**
 * Correlation keys of an alert's entities (contract: "Correlation into incidents"). Two alerts of one customer
 * correlate when they share a key: host (case-insensitive; an FQDN matches its short name), agent/device id, an IP
 * that belongs to a host, a user (case-insensitive DOMAIN\\user or UPN local part), or an external attacker IP.
 * No confusable folding: only ASCII/Unicode lower-casing.
 */
export function entityKeys(e: Entities): string[] {
  const keys = new Set<string>();
  for (const h of e.hosts) {
    const short = shortHost(h.name);
    if (short) keys.add(`host:${short}`);
    if (h.id) keys.add(`hostid:${h.id.trim().toLowerCase()}`);
    for (const ip of h.ips ?? []) {
      const n = normalizeIp(ip);
      if (n && !isUnspecified(n)) keys.add(`ip:${n}`);
    }
  }
  for (const u of e.users) {
    const n = normalizeUser(u);
    if (n) keys.add(`user:${n}`);
  }
  for (const ip of e.externalIps) {
    const n = normalizeIp(ip);
    if (n && !isUnspecified(n)) keys.add(`extip:${n}`);
  }
  return [...keys];
}

/**
 * Keys an alert looks incidents up by but does not give them: each internal IP it carries that it does not tie to a
 * host of its own (a network sensor's source or destination) as `ip:…`, which an incident holds only when one of its
 * alerts reported that address for a host. So a network alert joins the host's incident, and two network alerts
 * never join each other on a bare address (a NAT or DHCP address is not an identity).
 */
export function probeKeys(e: Entities, own: string[]): string[] {
  const mine = new Set(own);
  const external = new Set(e.externalIps.map((ip) => normalizeIp(ip)));
  const out: string[] = [];
  for (const ip of e.ips) {
    const n = normalizeIp(ip);
    if (!n || isUnspecified(n) || external.has(n) || !isPrivateIp(n)) continue;
    const key = `ip:${n}`;
    if (!mine.has(key) && !out.includes(key)) out.push(key);
  }
  return out;
}

export function shortHost(name: string | undefined): string | null {
  if (!name) return null;
  const n = name.trim().toLowerCase().replace(/\.$/, "");
  if (!n || n === "-" || n === "localhost") return null;
  // An IP address is not a host name.
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(n) || n.includes(":")) return null;
  return n.split(".")[0] || null;
}

const SERVICE_USERS = new Set(["system", "local service", "network service", "root", "-", "n/a", "unknown"]);

export function normalizeUser(u: string): string | null {
  let n = u.trim().toLowerCase();
  if (!n) return null;
  if (n.includes("\\")) n = n.slice(n.lastIndexOf("\\") + 1);
  else if (n.includes("@")) n = n.slice(0, n.indexOf("@"));
  if (!n || SERVICE_USERS.has(n) || n.endsWith("$")) return null;
  return n;
}

export function normalizeIp(ip: string): string | null {
  const n = ip.trim().toLowerCase();
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(n)) return n.split(".").every((o) => Number(o) <= 255) ? n : null;
  if (n.startsWith("::ffff:") && /^\d{1,3}(\.\d{1,3}){3}$/.test(n.slice(7))) return n.slice(7);
  if (/^[0-9a-f:]+$/.test(n) && n.includes(":")) return n;
  return null;
}

function isUnspecified(ip: string) {
  return ip === "0.0.0.0" || ip === "::" || ip === "127.0.0.1" || ip === "::1";
}

export const CORRELATION_WINDOW_MS = 30 * 60_000;

export type OpenIncident = { id: string; latestEventTime: Date; keys: string[] };

/**
 * The open incident a new alert joins: one sharing a key whose latest event time is within the window of the alert's
 * event time; of several, the one whose latest event is nearest. Null when none.
 */
export function chooseIncident(alert: { eventTime: Date; keys: string[] }, candidates: OpenIncident[]): string | null {
  const mine = new Set(alert.keys);
  let best: { id: string; distance: number } | null = null;
  for (const c of candidates) {
    if (!c.keys.some((k) => mine.has(k))) continue;
    const distance = Math.abs(alert.eventTime.getTime() - c.latestEventTime.getTime());
    if (distance > CORRELATION_WINDOW_MS) continue;
    if (!best || distance < best.distance) best = { id: c.id, distance };
  }
  return best?.id ?? null;
}
