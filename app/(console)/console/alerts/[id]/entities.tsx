import { Badge } from "@/app/_components/ui/badge";
import { SafeText } from "@/app/_components/ui/safe-text";
import type { Entities, HashEntity, HostEntity, ProcessEntity } from "@/server/ingest/types";

const strings = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === "string" && x.trim() !== "") : [];
const objects = <T,>(v: unknown): T[] =>
  Array.isArray(v) ? v.filter((x): x is T => typeof x === "object" && x !== null && !Array.isArray(x)) : [];

/** The stored entities, read defensively: every list present, only strings where strings belong. */
export function readEntities(raw: unknown): Entities {
  const e = (typeof raw === "object" && raw !== null ? raw : {}) as Record<string, unknown>;
  return {
    hosts: objects<HostEntity>(e.hosts),
    ips: strings(e.ips),
    externalIps: strings(e.externalIps),
    users: strings(e.users),
    processes: objects<ProcessEntity>(e.processes),
    hashes: objects<HashEntity>(e.hashes).filter((h) => typeof h.value === "string"),
    domains: strings(e.domains),
    urls: strings(e.urls),
  };
}

export function entityCount(e: Entities) {
  return (
    e.hosts.length +
    new Set([...e.ips, ...e.externalIps]).size +
    e.users.length +
    e.processes.length +
    e.hashes.length +
    e.domains.length +
    e.urls.length
  );
}

const HASH_LABELS: Record<HashEntity["algorithm"], string> = {
  md5: "MD5",
  sha1: "SHA-1",
  sha256: "SHA-256",
  other: "Hash",
};

function Group({ title, count, children }: { title: string; count: number; children: React.ReactNode }) {
  return (
    <section className="grid gap-2">
      <h3 className="text-xs font-semibold tracking-wide text-muted-foreground uppercase">
        {title} <span className="font-normal tabular-nums">({count})</span>
      </h3>
      {children}
    </section>
  );
}

const mono = "font-mono text-[13px] break-all";

/** The alert's entities as readable grouped lists; every value is text. */
export function EntityGroups({ entities: e }: { entities: Entities }) {
  const external = new Set(e.externalIps);
  const hostIps = new Set(e.hosts.flatMap((h) => strings(h.ips)));
  const ips = [...new Set([...e.externalIps, ...e.ips])];
  return (
    <div className="grid gap-5">
      {e.hosts.length ? (
        <Group title="Hosts" count={e.hosts.length}>
          <ul className="grid gap-2">
            {e.hosts.map((h, i) => (
              <li key={i} className="grid gap-0.5 rounded-md border border-border px-3 py-2">
                <span className="font-medium break-all">
                  <SafeText text={h.name ?? "(no host name)"} />
                </span>
                <span className="flex flex-wrap gap-x-4 gap-y-0.5 text-xs text-muted-foreground">
                  {h.id ? (
                    <span>
                      Id <SafeText text={h.id} className="font-mono break-all text-foreground" />
                    </span>
                  ) : null}
                  {strings(h.ips).length ? (
                    <span>
                      IP <SafeText text={strings(h.ips).join(", ")} className="font-mono text-foreground" />
                    </span>
                  ) : null}
                  {h.os ? (
                    <span>
                      OS <SafeText text={h.os} className="text-foreground" />
                    </span>
                  ) : null}
                </span>
              </li>
            ))}
          </ul>
        </Group>
      ) : null}
      {e.users.length ? (
        <Group title="Users" count={e.users.length}>
          <ul className="flex flex-wrap gap-2">
            {e.users.map((u, i) => (
              <li key={i} className={`${mono} rounded-md border border-border px-2 py-1`}>
                <SafeText text={u} />
              </li>
            ))}
          </ul>
        </Group>
      ) : null}
      {e.processes.length ? (
        <Group title="Processes" count={e.processes.length}>
          <ul className="grid gap-2">
            {e.processes.map((p, i) => (
              <li key={i} className="grid min-w-0 gap-1 rounded-md border border-border px-3 py-2">
                <span className="flex flex-wrap items-baseline gap-x-3 gap-y-0.5">
                  <span className="font-medium break-all">
                    <SafeText text={p.name ?? p.path ?? "(unnamed process)"} />
                  </span>
                  {p.pid ? <span className="text-xs text-muted-foreground">PID {p.pid}</span> : null}
                  {p.parentName ? (
                    <span className="text-xs text-muted-foreground">
                      parent <SafeText text={p.parentName} className="text-foreground" />
                    </span>
                  ) : null}
                </span>
                {p.path && p.path !== p.name ? (
                  <span className={`${mono} text-xs text-muted-foreground`}>
                    <SafeText text={p.path} />
                  </span>
                ) : null}
                {p.commandLine ? (
                  <pre className="max-h-60 overflow-y-auto rounded-md bg-muted px-2.5 py-2 font-mono text-xs leading-relaxed break-all whitespace-pre-wrap">
                    <SafeText text={p.commandLine} />
                  </pre>
                ) : null}
              </li>
            ))}
          </ul>
        </Group>
      ) : null}
      {e.hashes.length ? (
        <Group title="Hashes" count={e.hashes.length}>
          <ul className="grid gap-1">
            {e.hashes.map((h, i) => (
              <li key={i} className="grid grid-cols-[4.5rem_minmax(0,1fr)] items-baseline gap-2">
                <span className="text-xs text-muted-foreground">{HASH_LABELS[h.algorithm] ?? "Hash"}</span>
                <SafeText text={h.value} className={mono} />
              </li>
            ))}
          </ul>
        </Group>
      ) : null}
      {ips.length ? (
        <Group title="IP addresses" count={ips.length}>
          <ul className="flex flex-wrap gap-2">
            {ips.map((ip) => (
              <li key={ip} className="flex items-center gap-1.5 rounded-md border border-border px-2 py-1">
                <SafeText text={ip} className={mono} />
                {external.has(ip) ? (
                  <Badge tone="danger">External</Badge>
                ) : hostIps.has(ip) ? (
                  <span className="text-xs text-muted-foreground">host</span>
                ) : null}
              </li>
            ))}
          </ul>
        </Group>
      ) : null}
      {e.domains.length ? (
        <Group title="Domains" count={e.domains.length}>
          <ul className="flex flex-wrap gap-2">
            {e.domains.map((d, i) => (
              <li key={i} className={`${mono} rounded-md border border-border px-2 py-1`}>
                <SafeText text={d} />
              </li>
            ))}
          </ul>
        </Group>
      ) : null}
      {e.urls.length ? (
        <Group title="URLs" count={e.urls.length}>
          <ul className="grid gap-1">
            {e.urls.map((u, i) => (
              <li key={i} className={`${mono} rounded-md bg-muted px-2 py-1 text-xs`}>
                <SafeText text={u} />
              </li>
            ))}
          </ul>
        </Group>
      ) : null}
    </div>
  );
}
