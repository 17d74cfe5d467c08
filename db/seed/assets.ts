import { and, eq } from "drizzle-orm";
import type { Db } from "@/db";
import { apiKeys, customers, sensors } from "@/db/schema";
import { csvCell } from "@/server/assets/csv";
import { type HostFacts, hostFacts } from "@/server/assets/identity";
import { importAssets, learnHosts } from "@/server/assets/service";
import { recordHeartbeat } from "@/server/ingest/service";
import type { SourceFormat } from "@/server/ingest/types";
import { mintTenantId, systemContext } from "@/server/tenancy/tenant";
import * as data from "./data";
import { between, makeHosts, pick, rng } from "./generate";

const DAY = 86_400_000;
/** Hosts per customer beyond those the alerts named; Kestrel's exceed its 20 licensed endpoints. */
const EXTRA: Record<string, number> = { HAL: 70, MHP: 80, KST: 38, SKR: 45, MEA: 55, SCC: 35 };
const OWNERS = ["IT operations", "Finance", "Clinical systems", "Payments team", "Plant engineering", "Facilities"];

/**
 * The demo's asset inventory. Recent slice through the real paths: each working EDR sensor sends one heartbeat with
 * an inventory, and each customer imports a CSV (owners, criticality, two hosts only the CMDB knows). Older sightings
 * go in bulk through the same set-based writer, backdated, so some hosts are no longer covered.
 */
export async function seedAssets(db: Db, now: Date) {
  const rows = await db
    .select({
      id: sensors.id,
      customerId: sensors.customerId,
      sensorClass: sensors.sensorClass,
      format: sensors.sourceFormat,
      last: sensors.lastHeartbeatAt,
      keyId: apiKeys.id,
      slug: customers.slug,
    })
    .from(sensors)
    .innerJoin(customers, eq(customers.id, sensors.customerId))
    .innerJoin(apiKeys, and(eq(apiKeys.sensorId, sensors.id), eq(apiKeys.customerId, sensors.customerId)));
  let hosts = 0;
  for (const c of data.customers) {
    const mine = rows.filter((s) => s.slug === c.slug);
    if (mine.length === 0) continue;
    const tenant = mintTenantId(mine[0]!.customerId);
    const r = rng(`assets:${c.hostPrefix}`);
    const list = makeHosts(r, c.hostPrefix, c.dnsDomain, 24 + (EXTRA[c.hostPrefix] ?? 30)).slice(24);
    const edr = mine.filter((s) => s.sensorClass === "edr" || s.sensorClass === "xdr");
    const other = mine.filter((s) => !edr.includes(s));
    const facts = (h: (typeof list)[number], agent: boolean): HostFacts =>
      hostFacts({ agentId: agent ? h.id : null, fqdn: h.fqdn, ip: h.ip, os: h.os })!;
    // Bulk, backdated: first reports weeks ago; some hosts' agents stopped reporting; some seen on the network only.
    const buckets = new Map<string, { sensorId: string; at: Date; hosts: HostFacts[] }>();
    const add = (sensorId: string, daysAgo: number, f: HostFacts) => {
      const k = `${sensorId}:${daysAgo}`;
      const b = buckets.get(k) ?? { sensorId, at: new Date(now.getTime() - daysAgo * DAY - 3_600_000), hosts: [] };
      b.hosts.push(f);
      buckets.set(k, b);
    };
    const recent: HostFacts[] = [];
    for (const h of list) {
      const roll = r();
      if (edr.length && roll < 0.72) {
        const f = facts(h, true);
        add(pick(r, edr).id, between(r, 10, 40), f);
        recent.push(f);
      } else if (edr.length && roll < 0.86) add(pick(r, edr).id, between(r, 9, 25), facts(h, true));
      else if (other.length) add(pick(r, other).id, between(r, 0, 6), facts(h, false));
      else if (edr.length) add(edr[0]!.id, between(r, 12, 28), facts(h, true));
    }
    for (const b of buckets.values()) await learnHosts(db, tenant, b.sensorId, b.hosts, b.at);
    // Recent slice, real path: the EDR sensors' latest heartbeat carries the inventory (silent sensors send none).
    for (const s of edr) {
      if (!s.last || now.getTime() - s.last.getTime() > 10 * 60_000) continue;
      const auth = { keyId: s.keyId, tenant, sensorId: s.id, sourceFormat: s.format as SourceFormat };
      await recordHeartbeat(db, auth, { hostCount: recent.length }, s.last, recent);
    }
    // The customer's CMDB export, through the import: owners, criticality and two hosts no sensor has seen.
    const csv = ["hostname,ip,os,owner,criticality"];
    list.forEach((h, i) => {
      if (i % 3) return;
      const crit = i === 0 || i % 27 === 0 ? "crown-jewel" : pick(r, ["low", "medium", "medium", "high"]);
      csv.push([h.fqdn, h.ip, h.os, pick(r, OWNERS), crit].map(csvCell).join(","));
    });
    for (const n of [1, 2])
      csv.push(`${c.hostPrefix.toLowerCase()}-legacy-${n}.${c.dnsDomain},,Windows Server 2012 R2,IT operations,high`);
    const res = await importAssets({ ...systemContext(db, "demo seed"), tenant, now: () => now }, csv.join("\n"));
    if (!res.ok) throw new Error(`demo asset import failed: ${JSON.stringify(res.errors.slice(0, 3))}`);
    hosts += list.length + 2;
  }
  return { hosts };
}
