/**
 * Each customer's hosts (the alerts name these same hosts) as assets learned by EDR, and which sensor saw each: most
 * hosts by the customer's EDR (or XDR) sensor, a few only on the network (uncovered), a few not seen for weeks.
 */
import type postgres from "postgres";
import { type Host, makeHosts } from "@/db/seed/generate";
import { copyInto, ts, txt } from "./copy";
import { type CustomerPlan, DAY, type Plan } from "./plan";
import { stream, uuid } from "./random";
import type { SensorPlan } from "./sensors";

export type AssetPlan = Host & { assetId: string; covered: boolean };

export function planHosts(plan: Plan, c: CustomerPlan): AssetPlan[] {
  const r = stream(plan.seed, "hosts", c.index);
  const prefix = `C${String(c.index + 1).padStart(4, "0")}`;
  return makeHosts(r, prefix, `corp.${c.slug}.example`, c.assets).map((h) => ({
    ...h,
    assetId: uuid(r),
    covered: r() >= 0.06,
  }));
}

const CRIT = [null, null, "low", "medium", "medium", "high", "crown-jewel"] as const;

export async function writeAssets(sql: postgres.Sql, plan: Plan, hostsOf: AssetPlan[][], sensorsOf: SensorPlan[][]) {
  const a = await copyInto(sql, "assets", [
    "id",
    "customer_id",
    "identity_key",
    "agent_id",
    "fqdn",
    "hostname",
    "ip",
    "os",
    "owner",
    "criticality",
    "first_seen_at",
    "last_seen_at",
    "created_at",
    "updated_at",
  ]);
  const s = await copyInto(sql, "asset_sightings", [
    "customer_id",
    "asset_id",
    "sensor_id",
    "first_seen_at",
    "last_seen_at",
  ]);
  const now = plan.now.getTime();
  for (const [i, hosts] of hostsOf.entries()) {
    const c = plan.customers[i]!;
    const r = stream(plan.seed, "asset-rows", c.index);
    const sensors = sensorsOf[i]!;
    const edr = sensors.filter((x) => (x.cls === "edr" || x.provides.includes("edr")) && x.lastHeartbeatAt);
    const ndr = sensors.filter((x) => x.cls === "ndr" && x.lastHeartbeatAt);
    for (const [k, h] of hosts.entries()) {
      const first = c.createdAt.getTime() + Math.floor(r() * 200) * DAY;
      const last = r() < 0.05 ? now - Math.floor((10 + r() * 80) * DAY) : now - Math.floor(r() * 2 * DAY);
      const seenBy = h.covered && edr.length ? [edr[k % edr.length]!] : ndr.length ? [ndr[k % ndr.length]!] : [];
      const key = seenBy[0]?.cls === "ndr" || !h.covered ? `host:${h.name.toLowerCase()}` : `agent:${h.id}`;
      await a.row([
        h.assetId,
        c.id,
        key,
        h.covered ? h.id : "\\N",
        txt(h.fqdn),
        txt(h.name),
        h.ip,
        txt(h.os),
        txt(k % 9 === 0 ? "IT operations" : null),
        txt(CRIT[k % CRIT.length] ?? null),
        ts(first),
        ts(last),
        ts(first),
        ts(last),
      ]);
      for (const x of seenBy)
        await s.row([c.id, h.assetId, x.id, ts(first), ts(Math.min(last, x.lastHeartbeatAt!.getTime()))]);
    }
  }
  await s.end();
  return a.end();
}
