/**
 * The scale data set's plan, pure: how many of everything at `--scale`, and each customer's share (sizes follow a
 * log-normal, so a few customers are large and most are small), zone, tier and contract. Every count is allocated
 * exactly, so the build can check the database against the plan.
 */
import type { Tier } from "@/db/schema/contracts";
import { allocate, logNormal, stream, uuid } from "./random";

export const DAY = 86_400_000;
export const HOUR = 3_600_000;
export const MINUTE = 60_000;
export const HISTORY_DAYS = 365;

/** A dozen IANA zones and the country each customer in it is in. */
export const ZONES: [string, string][] = [
  ["Europe/Berlin", "DE"],
  ["Europe/London", "GB"],
  ["Europe/Madrid", "ES"],
  ["America/New_York", "US"],
  ["America/Chicago", "US"],
  ["America/Denver", "US"],
  ["America/Los_Angeles", "US"],
  ["America/Sao_Paulo", "BR"],
  ["Asia/Tokyo", "JP"],
  ["Asia/Singapore", "SG"],
  ["Asia/Kolkata", "IN"],
  ["Australia/Sydney", "AU"],
];
const INDUSTRIES = ["Logistics", "Manufacturing", "Healthcare", "Finance", "Retail", "Energy", "Legal", "Education"];
const WORDS = [
  "Nordic",
  "Atlas",
  "Harbor",
  "Summit",
  "Cedar",
  "Vertex",
  "Blue",
  "Iron",
  "Silver",
  "Granite",
  "Pioneer",
];
const NOUNS = ["Logistics", "Foods", "Health", "Capital", "Works", "Energy", "Partners", "Systems", "Retail", "Labs"];
/** Tier shares: MDR most, then MXDR; MSS (business hours) and MNDR fewer. */
const TIER_MIX: [Tier, number][] = [
  ["mdr", 0.4],
  ["mxdr", 0.35],
  ["mss", 0.15],
  ["mndr", 0.1],
];

export type ContractVersionPlan = { id: string; version: number; from: Date; tier: Tier; businessHours: boolean };

export type CustomerPlan = {
  index: number;
  id: string;
  name: string;
  slug: string;
  industry: string;
  country: string;
  timezone: string;
  createdAt: Date;
  contractId: string;
  /** v1 from the start; about one customer in five changed terms during the year (v2). */
  versions: ContractVersionPlan[];
  sensors: number;
  assets: number;
  alerts: number;
  incidents: number;
  /** Portal users: one admin, the rest viewers. */
  users: number;
};

export type Plan = {
  seed: number;
  scale: number;
  now: Date;
  /** Start of the alert history: 365 days before `now`. */
  from: Date;
  customers: CustomerPlan[];
  staff: { admins: number; managers: number; analysts: number };
  totals: { customers: number; sensors: number; assets: number; alerts: number; incidents: number };
  /** Days of hourly heartbeat rows kept per sensor (what the coverage page, the report and the sweep read). */
  heartbeatDays: number;
  /** Raw payloads last seen within this many days are held; older ones were pruned (the retention default). */
  rawDays: number;
};

export type PlanOptions = { seed: number; scale: number; now: Date; heartbeatDays?: number; rawDays?: number };

export function makePlan(o: PlanOptions): Plan {
  const s = o.scale;
  const customers = Math.max(3, Math.round(1000 * s));
  const totals = {
    customers,
    sensors: Math.max(customers * 4, Math.round(20_000 * s)),
    assets: Math.max(customers * 10, Math.round(250_000 * s)),
    alerts: Math.max(customers * 200, Math.round(10_000_000 * s)),
    incidents: Math.max(customers * 10, Math.round(500_000 * s)),
  };
  const r = stream(o.seed, "plan");
  const weights = Array.from({ length: customers }, () => logNormal(r, 1, 0.9));
  const sensors = allocate(totals.sensors, weights, 4);
  const assets = allocate(totals.assets, weights, 10);
  const alerts = allocate(totals.alerts, weights, 200);
  const incidents = allocate(totals.incidents, weights, 10);
  const tierCut = TIER_MIX.map((_, i) => TIER_MIX.slice(0, i + 1).reduce((a, [, w]) => a + w, 0));
  const list: CustomerPlan[] = weights.map((_, i) => {
    const c = stream(o.seed, "customer", i);
    const [timezone, country] = ZONES[i % ZONES.length]!;
    const name = `${WORDS[i % WORDS.length]} ${NOUNS[Math.floor(i / WORDS.length) % NOUNS.length]} ${i + 1}`;
    const tierAt = c();
    const tier = TIER_MIX[tierCut.findIndex((x) => tierAt < x)]?.[0] ?? "mdr";
    const createdAt = new Date(o.now.getTime() - (400 + Math.floor(c() * 700)) * DAY);
    const versions: ContractVersionPlan[] = [
      { id: uuid(c), version: 1, from: createdAt, tier, businessHours: tier === "mss" },
    ];
    if (c() < 0.2) {
      // A change of terms during the year: an upgrade to MXDR, or 24/7 instead of business hours.
      const next: Tier = tier === "mss" ? "mss" : "mxdr";
      const from = new Date(o.now.getTime() - (30 + Math.floor(c() * 300)) * DAY);
      versions.push({ id: uuid(c), version: 2, from, tier: next, businessHours: false });
    }
    return {
      index: i,
      id: uuid(c),
      name,
      slug: `${name.toLowerCase().replace(/[^a-z0-9]+/g, "-")}`,
      industry: INDUSTRIES[i % INDUSTRIES.length]!,
      country,
      timezone,
      createdAt,
      contractId: uuid(c),
      versions,
      sensors: sensors[i]!,
      assets: assets[i]!,
      alerts: alerts[i]!,
      incidents: Math.min(incidents[i]!, Math.floor(alerts[i]! / 4)),
      users: 2 + (i % 3),
    };
  });
  totals.incidents = list.reduce((n, c) => n + c.incidents, 0);
  return {
    seed: o.seed,
    scale: s,
    now: o.now,
    from: new Date(o.now.getTime() - HISTORY_DAYS * DAY),
    customers: list,
    staff: { admins: 2, managers: Math.max(2, Math.round(12 * s)), analysts: Math.max(6, Math.round(150 * s)) },
    totals,
    heartbeatDays: o.heartbeatDays ?? 62,
    rawDays: o.rawDays ?? 180,
  };
}

/** The contract version in force at `at` (the newest that started at or before it). */
export const versionAt = (c: CustomerPlan, at: number) =>
  c.versions.reduce((v, x) => (x.from.getTime() <= at ? x : v), c.versions[0]!);
