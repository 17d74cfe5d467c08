/**
 * Each customer's sensors across EDR, NDR, XDR and SIEM (the classes its tier monitors first, then a mix), their
 * health mix (mostly healthy; some silent, retired, pending, degraded or on an unsupported agent version), one API key
 * each, and the window in which each sent alerts. Pure plan + one writer.
 */
import { createHash } from "node:crypto";
import type postgres from "postgres";
import type { SensorClass, XdrProvidedClass } from "@/db/schema/sensors";
import type { SourceFormat } from "@/server/ingest/types";
import { arr, copyInto, num, ts, txt } from "./copy";
import { type CustomerPlan, DAY, HOUR, MINUTE, type Plan } from "./plan";
import { hex, stream, uuid, weighted } from "./random";

type Kind = { cls: SensorClass; format: SourceFormat; vendor: string; product: string; provides: XdrProvidedClass[] };
const KINDS: Record<string, Kind> = {
  crowdstrike: { cls: "edr", format: "crowdstrike", vendor: "CrowdStrike", product: "Falcon", provides: [] },
  sentinelone: { cls: "edr", format: "sentinelone", vendor: "SentinelOne", product: "Singularity", provides: [] },
  defender: { cls: "edr", format: "defender", vendor: "Microsoft", product: "Defender for Endpoint", provides: [] },
  suricata: { cls: "ndr", format: "suricata", vendor: "OISF", product: "Suricata", provides: [] },
  zeek: { cls: "ndr", format: "zeek", vendor: "Zeek", product: "Zeek", provides: [] },
  okta: {
    cls: "xdr",
    format: "ocsf",
    vendor: "Okta",
    product: "Identity Threat Protection",
    provides: ["identity", "cloud"],
  },
  mdx: {
    cls: "xdr",
    format: "defender",
    vendor: "Microsoft",
    product: "Defender XDR",
    provides: ["edr", "identity", "email"],
  },
  wazuh: { cls: "siem", format: "wazuh", vendor: "Wazuh", product: "Wazuh manager", provides: [] },
};
const EDR = ["crowdstrike", "sentinelone", "defender"];
const NDR = ["suricata", "zeek"];
const XDR = ["okta", "mdx"];
/** Agent versions: the last of each is on the provider's unsupported list. */
export const VERSIONS: Record<string, string[]> = {
  CrowdStrike: ["7.18.19004", "7.17.18908", "6.45.15801"],
  SentinelOne: ["24.1.2.6", "23.4.4.223", "22.1.1.3"],
  Microsoft: ["10.8760.25000", "10.8735.24000", "10.8040.22000"],
  OISF: ["7.0.8", "7.0.6", "6.0.3"],
  Zeek: ["6.0.4", "6.0.3", "5.0.10"],
  Okta: ["2024.11", "2024.08", "2023.02"],
  Wazuh: ["4.9.2", "4.8.1", "4.3.10"],
};
export const UNSUPPORTED = Object.entries(KINDS)
  .filter(([k]) => k !== "mdx")
  .map(([, k]) => ({ vendor: k.vendor, product: k.product, version: VERSIONS[k.vendor]!.at(-1)! }));

/** Sensor mix by tier once the monitored classes are covered: [edr, ndr, xdr, siem]. */
const MIX: Record<string, number[]> = {
  mdr: [7, 0, 1, 2],
  mndr: [2, 7, 0, 1],
  mxdr: [35, 25, 25, 15],
  mss: [2, 1, 0, 7],
};
const REQUIRED: Record<string, string[][]> = { mdr: [EDR], mndr: [NDR], mxdr: [EDR, NDR, ["okta"]], mss: [["wazuh"]] };

export type SensorPlan = Kind & {
  id: string;
  keyId: string;
  keyPrefix: string;
  keyHash: string;
  name: string;
  site: string;
  status: "active" | "retired";
  createdAt: Date;
  lastHeartbeatAt: Date | null;
  agentVersion: string;
  healthNoteAt: Date | null;
  /** Alerts come from this sensor in [from, to). */
  from: number;
  to: number;
  /** Relative alert volume. */
  volume: number;
};

const VOLUME: Record<SensorClass, number> = {
  edr: 1,
  ndr: 1.4,
  xdr: 0.6,
  siem: 1.2,
  cloud: 0.5,
  identity: 0.5,
  email: 0.5,
};

export function planSensors(plan: Plan, c: CustomerPlan): SensorPlan[] {
  const r = stream(plan.seed, "sensors", c.index);
  const tier = c.versions.at(-1)!.tier;
  const edrVendor = EDR[c.index % 3]!;
  const ndrVendor = NDR[c.index % 2]!;
  const pickOf = (group: string[]) => (group === EDR ? edrVendor : group === NDR ? ndrVendor : group[0]!);
  const kinds = REQUIRED[tier]!.map(pickOf);
  while (kinds.length < c.sensors) {
    const k = weighted(r, MIX[tier]!);
    kinds.push(k === 0 ? edrVendor : k === 1 ? ndrVendor : k === 2 ? XDR[Math.floor(r() * 2)]! : "wazuh");
  }
  const now = plan.now.getTime();
  const start = plan.from.getTime();
  return kinds.slice(0, c.sensors).map((k, i) => {
    const kind = KINDS[k]!;
    const u = r();
    const versions = VERSIONS[kind.vendor]!;
    const required = i < REQUIRED[tier]!.length;
    let status: "active" | "retired" = "active";
    let last: number | null = now - Math.floor(r() * 240_000);
    let createdAt = c.createdAt.getTime() + Math.floor(r() * 30) * DAY;
    let to = now;
    let healthNoteAt: number | null = null;
    let version = versions[u < 0.6 ? 0 : 1]!;
    if (!required && u < 0.015) {
      status = "retired";
      to = start + Math.floor(r() * 300) * DAY;
      last = to;
    } else if (u < 0.045) {
      last = now - Math.floor(HOUR + r() * 10 * DAY);
      to = last;
    } else if (!required && u < 0.055) {
      last = null;
      createdAt = now - Math.floor(r() * 2 * DAY);
    } else if (u < 0.07) healthNoteAt = now - Math.floor(r() * 50 * MINUTE);
    else if (u < 0.085) version = versions.at(-1)!;
    const keyId = uuid(r);
    const secret = `wk_${hex(r, 8)}_${hex(r, 40)}`;
    return {
      ...kind,
      id: uuid(r),
      keyId,
      keyPrefix: secret.slice(3, 11),
      keyHash: createHash("sha256").update(secret).digest("hex"),
      name: `${kind.product} ${i + 1}`,
      site: ["HQ", "DC1", "DC2", "Branch", "Cloud"][i % 5]!,
      status,
      createdAt: new Date(createdAt),
      lastHeartbeatAt: last === null ? null : new Date(last),
      agentVersion: version,
      healthNoteAt: healthNoteAt === null ? null : new Date(healthNoteAt),
      from: Math.max(start, createdAt),
      to: last === null ? 0 : to,
      volume: VOLUME[kind.cls] * (0.5 + r()),
    };
  });
}

export async function writeSensors(sql: postgres.Sql, plan: Plan, sensorsOf: SensorPlan[][]) {
  await sql`insert into unsupported_agent_versions ${sql(UNSUPPORTED.map((v) => ({ ...v, note: "End of support" })))}`;
  const s = await copyInto(sql, "sensors", [
    "id",
    "customer_id",
    "name",
    "sensor_class",
    "vendor",
    "product",
    "source_format",
    "site",
    "status",
    "last_heartbeat_at",
    "last_event_at",
    "agent_version",
    "events_per_second",
    "host_count",
    "health_note",
    "health_note_at",
    "heartbeat_interval_seconds",
    "provides_classes",
    "created_at",
    "updated_at",
  ]);
  const k = await copyInto(sql, "api_keys", [
    "id",
    "customer_id",
    "sensor_id",
    "prefix",
    "key_hash",
    "last_used_at",
    "created_at",
  ]);
  for (const [i, list] of sensorsOf.entries()) {
    const c = plan.customers[i]!;
    for (const x of list) {
      await s.row([
        x.id,
        c.id,
        txt(x.name),
        x.cls,
        txt(x.vendor),
        txt(x.product),
        x.format,
        x.site,
        x.status,
        ts(x.lastHeartbeatAt),
        ts(x.lastHeartbeatAt ? x.lastHeartbeatAt.getTime() - 90_000 : null),
        txt(x.agentVersion),
        num(x.lastHeartbeatAt ? 20 + ((x.volume * 37) % 400) : null),
        num(x.cls === "edr" && x.lastHeartbeatAt ? c.assets : null),
        txt(x.healthNoteAt ? "CaptureLoss::Too_Much_Loss" : null),
        ts(x.healthNoteAt),
        "300",
        arr(x.provides),
        ts(x.createdAt),
        ts(x.createdAt),
      ]);
      await k.row([x.keyId, c.id, x.id, x.keyPrefix, x.keyHash, ts(x.lastHeartbeatAt), ts(x.createdAt)]);
    }
  }
  await k.end();
  return s.end();
}
