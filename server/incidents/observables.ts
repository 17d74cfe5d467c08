import type { Entities } from "@/server/ingest/types";

export type ObservableKind = "ip" | "domain" | "url" | "hash" | "host" | "user" | "process" | "email" | "file";
export type Observable = { kind: ObservableKind; value: string };

const MAX_PER_ALERT = 60;

/** The observables an alert's entities give an incident: each value once, capped so one noisy alert cannot flood it. */
export function observablesFromEntities(e: Entities): Observable[] {
  const out: Observable[] = [];
  const seen = new Set<string>();
  const add = (kind: ObservableKind, value: string | undefined) => {
    const v = value?.trim();
    if (!v || v === "-" || v.length > 2048) return;
    const k = `${kind}\u0000${v.toLowerCase()}`;
    if (seen.has(k) || out.length >= MAX_PER_ALERT) return;
    seen.add(k);
    out.push({ kind, value: v });
  };
  for (const h of e.hosts) add("host", h.name ?? h.id);
  for (const u of e.users) add("user", u);
  for (const ip of e.externalIps) add("ip", ip);
  for (const ip of e.ips) add("ip", ip);
  for (const h of e.hashes) add("hash", h.value);
  for (const d of e.domains) add("domain", d);
  for (const u of e.urls) add("url", u);
  for (const p of e.processes) add("process", p.path ?? p.name);
  return out;
}
