import type { Db } from "@/db";
import { between, detectionsFor, type Host, pick, render, rng, signalFrom } from "@/db/seed/generate";
import { setVerdict } from "@/server/alerts/service";
import type { Entities, SourceFormat } from "@/server/ingest/types";
import { getAllSensors, rotateKey } from "@/server/sensors/service";
import { mintTenantId, systemContext } from "@/server/tenancy/tenant";
import {
  alertCount,
  aliveSensors,
  dueForTriage,
  dueHeartbeats,
  healthInstant,
  heartbeatBody,
  LIVE_VERDICTS,
  type LiveSensor,
  planAlerts,
  type SentAlert,
} from "./plan";
import { latestHeartbeats, recentAlertEntities, stillUntriaged } from "./queries";

const TICK_MS = 20_000;

/**
 * The live demo: inside the server process (PGlite allows one), it mints a key for every sensor alive at start with
 * the sensors service and then, every 20 s, sends heartbeats and a trickle of alerts through the real HTTP intake.
 */
export async function startDemoSimulator(db: Db, baseUrl: string, log: (s: string) => void = console.log) {
  const ctx = systemContext(db, "live demo");
  const heartbeats = new Map((await latestHeartbeats(db)).map((h) => [h.sensorId, h]));
  // Health as of the newest heartbeat: a sensor the seed left healthy stays alive however long the build took.
  const asOf = healthInstant(
    [...heartbeats.values()].map((h) => h.at),
    Date.now(),
  );
  const all = await getAllSensors({ ...ctx, now: () => new Date(asOf) });
  const sensors: (LiveSensor & { key: string })[] = [];
  for (const s of aliveSensors(all.map((s) => ({ ...s, lastHeartbeat: heartbeats.get(s.id) ?? null })))) {
    const { apiKey } = await rotateKey({ ...ctx, tenant: mintTenantId(s.customerId) }, s.id);
    sensors.push({ ...s, key: apiKey });
  }
  log(`watchkeeper: live demo on (${sensors.length} sensors kept alive, a few alerts a minute)`);
  const r = rng(Date.now());
  const sentAt = new Map<string, number>();
  let last = Date.now();
  const post = (path: string, key: string, body: unknown) =>
    fetch(`${baseUrl}${path}`, {
      method: "POST",
      headers: { Authorization: `Bearer ${key}`, "Content-Type": "application/json" },
      body: JSON.stringify(body),
    })
      .then(async (res) => {
        if (!res.ok) log(`watchkeeper: live demo: the intake answered ${res.status} on ${path}`);
        return res.ok ? ((await res.json()) as unknown) : null;
      })
      .catch((e) => {
        log(`watchkeeper: live demo could not reach the intake (${e instanceof Error ? e.message : e})`);
        return null;
      });
  // The alerts it sent that joined no incident: the demo's analyst closes them after a while, so the queue stays
  // the size a working SOC keeps (the seeded backlog plus the last quarter hour), not a pile that grows all day.
  let sent: SentAlert[] = [];
  const triage = async (now: number) => {
    const { due, waiting } = dueForTriage(sent, now);
    sent = waiting;
    const ids = await stillUntriaged(db, due);
    if (!ids.length) return;
    const v = pick(r, [...LIVE_VERDICTS]);
    await setVerdict(ctx, ids, v.verdict, v.reason);
  };

  const tick = async () => {
    const now = Date.now();
    for (const s of dueHeartbeats(sensors, sentAt, now)) {
      sentAt.set(s.id, now);
      await post("/api/ingest/heartbeat", s.key, heartbeatBody(s));
    }
    await triage(now);
    const plan = planAlerts(sensors, alertCount(now - last, r), r);
    last = now;
    if (!plan.length) return;
    const seen = await recentAlertEntities(db);
    for (const p of plan) {
      const s = sensors.find((x) => x.id === p.sensorId)!;
      const mine = seen.filter((x) => x.customerId === p.customerId);
      const pool =
        p.host === "incident" && mine.some((x) => x.openIncident) ? mine.filter((x) => x.openIncident) : mine;
      const host = hostOf(pool.length ? (pick(r, pool).entities as Entities) : null, r);
      const dets = detectionsFor(s.sourceFormat as SourceFormat);
      if (!host || !dets.length) continue;
      const domain = host.fqdn.split(".").slice(1).join(".") || "example.com";
      const signal = signalFrom(r, pick(r, dets), new Date(now - between(r, 5, 90) * 1000), host, "svc.demo", domain);
      const res = (await post(
        `/api/ingest/${s.sourceFormat}`,
        s.key,
        render(s.sourceFormat as SourceFormat, signal, domain.split(".")[0]!.toUpperCase()),
      )) as { status?: string; alertId?: string; incidentId?: string | null } | null;
      if (res?.status === "created" && res.alertId && !res.incidentId) sent.push({ id: res.alertId, at: now });
    }
  };
  const timer = setInterval(() => void tick().catch((e) => log(`watchkeeper: live demo tick failed: ${e}`)), TICK_MS);
  timer.unref();
  void tick();
  return () => clearInterval(timer);
}

function hostOf(e: Entities | null, r: () => number): Host | null {
  const h = e?.hosts?.[0];
  if (!h?.name) return null;
  const [first, ...rest] = h.name.split(".");
  const name = first!.toUpperCase();
  return {
    name,
    fqdn: rest.length ? h.name.toLowerCase() : `${name.toLowerCase()}.example.com`,
    id:
      h.id ??
      Math.floor(r() * 1e16)
        .toString(16)
        .padStart(32, "0"),
    ip: h.ips?.[0] ?? "10.20.0.10",
    os: h.os ?? "Windows 11 Enterprise",
  };
}
