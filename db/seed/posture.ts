import { and, desc, eq, isNotNull, not, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { customers, incidents, sensors, user } from "@/db/schema";
import { createHunt, linkIncident, updateHunt } from "@/server/hunts/service";
import { refreshLiveScores, runMonthClose } from "@/server/posture/service";
import { evaluateCustomer } from "@/server/recommendations/evaluation";
import { isFalseAlarm } from "@/server/recommendations/queries";
import { createRec, respond } from "@/server/recommendations/service";
import { type ActorContext, mintTenantId, type TenantContext, type TenantId } from "@/server/tenancy/tenant";
import * as data from "./data";
import { between, inSentence, rng } from "./generate";
import { timed } from "./profile";

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

/**
 * Posture for the demo: heartbeat history with a few outages a month (sensor health moves month to month), the rule
 * engine replayed every 13 days over three months (rule-made recommendations raise and clear through the real code), a few
 * analyst-written ones with the customers' decisions, a dozen hunts with every outcome, then the month-close job.
 */
export async function seedPosture(db: Db, log: (s: string) => void, nowDate: Date) {
  const started = Date.now();
  const now = nowDate.getTime();
  const rows = await db.select().from(customers);
  const bySlug = new Map(rows.map((c) => [c.slug, c]));
  const staff = await db.query.memberships.findMany({ where: (m, { isNull }) => isNull(m.customerId) });
  const people = await db.select().from(user);
  const person = (id: string) => people.find((p) => p.id === id)!;
  const analysts = staff.filter((m) => m.role === "analyst").map((m) => person(m.userId));
  const staffCtx = (at: number, i = 0): ActorContext => ({
    db,
    actor: { side: "staff", role: "analyst" },
    user: { id: analysts[i % analysts.length]!.id, name: analysts[i % analysts.length]!.name, email: "" },
    system: "demo seed",
    now: () => new Date(at),
  });
  const adminCtx = async (slug: string, at: number): Promise<TenantContext> => {
    const c = data.customers.find((x) => x.slug === slug)!;
    const u = people.find((p) => p.email === c.users.find((x) => x.role === "admin")!.email)!;
    return {
      db,
      tenant: mintTenantId(bySlug.get(slug)!.id),
      actor: { side: "customer", role: "admin" },
      user: { id: u.id, name: u.name, email: u.email },
      system: "demo seed",
      now: () => new Date(at),
    };
  };

  // Sakura's OT jump-host collector went quiet two days ago (a sensor silent for more than 24 hours).
  const sakura = bySlug.get("sakura-precision");
  if (sakura)
    await db
      .update(sensors)
      .set({ lastHeartbeatAt: new Date(now - 50 * HOUR), lastEventAt: null })
      .where(and(eq(sensors.customerId, sakura.id), eq(sensors.sourceFormat, "wazuh")));
  await timed("posture:heartbeat-history", () => heartbeatHistory(db, now));

  await timed("posture:rules-replay", async () => {
    for (let at = now - 91 * DAY; at < now; at += 13 * DAY)
      for (const c of rows) await evaluateCustomer(db, mintTenantId(c.id), new Date(at));
  });

  const recs = await timed("posture:recommendations", () =>
    analystRecommendations(db, now, staffCtx, adminCtx, bySlug),
  );
  const hunts = await timed("posture:hunts", () => seedHunts(db, now, staffCtx, bySlug));
  await timed("posture:rules-now", async () => {
    for (const c of rows) await evaluateCustomer(db, mintTenantId(c.id), nowDate);
  });
  const closed = await timed("posture:month-close", () => runMonthClose(db, nowDate));
  // The console's overview reads the kept live scores; the posture job keeps them fresh once the server runs.
  await timed("posture:live", () => refreshLiveScores(db, nowDate, rows.length));
  log(
    `Posture: ${recs} analyst recommendations, ${hunts} hunts, ${closed.stored} closed months scored (${((Date.now() - started) / 1000).toFixed(1)} s)`,
  );
}

/** Every 14 minutes (under the 15-minute silence threshold) from 100 days back, minus a few outages a month. */
async function heartbeatHistory(db: Db, now: number) {
  const all = await db.select().from(sensors).where(isNotNull(sensors.lastHeartbeatAt));
  for (const s of all) {
    const r = rng(`hb:${s.id}:${s.name}`);
    const end = s.lastHeartbeatAt!.getTime() - 14 * MIN;
    const outages: [string, string][] = [];
    for (let m = 0; m < 4; m++) {
      for (let k = between(r, 0, 3); k > 0; k--) {
        const start = now - (m * 30 + between(r, 1, 28)) * DAY;
        outages.push([new Date(start).toISOString(), new Date(start + between(r, 2, 40) * HOUR).toISOString()]);
      }
    }
    await db.execute(sql`
      insert into sensor_heartbeats (customer_id, sensor_id, at)
      select ${s.customerId}::uuid, ${s.id}::uuid, t
      from generate_series(${new Date(now - 100 * DAY).toISOString()}::timestamptz, ${new Date(end).toISOString()}::timestamptz, interval '14 minutes') t
      where not exists (
        select 1 from jsonb_array_elements(${JSON.stringify(outages)}::jsonb) w
        where t >= (w->>0)::timestamptz and t < (w->>1)::timestamptz)`);
  }
}

type Ctx = (at: number, i?: number) => ActorContext;
type AdminCtx = (slug: string, at: number) => Promise<TenantContext>;
const tenantOf = (m: Map<string, { id: string }>, slug: string) => mintTenantId(m.get(slug)!.id);

/** The customer's most severe closed attack (a false alarm, every alert judged benign or a false positive, is none). */
async function closedIncident(db: Db, tenant: TenantId) {
  const [row] = await db
    .select({ id: incidents.id })
    .from(incidents)
    .where(and(eq(incidents.customerId, tenant), isNotNull(incidents.closedAt), not(isFalseAlarm)))
    .orderBy(desc(incidents.severity))
    .limit(1);
  return row?.id;
}

async function analystRecommendations(
  db: Db,
  now: number,
  staff: Ctx,
  admin: AdminCtx,
  m: Map<string, { id: string }>,
) {
  const as = (slug: string, at: number): TenantContext => ({ ...staff(at), tenant: tenantOf(m, slug) });
  const hal = tenantOf(m, "halvorsen");
  const incidentId = await closedIncident(db, hal);
  const mfa = await createRec(as("halvorsen", now - 62 * DAY), {
    title: "Enforce MFA on the remote-access VPN",
    body: "The intrusion we closed began with a VPN login from an unfamiliar country using only a password. Require phishing-resistant MFA for every VPN account.",
    severity: "high",
    category: "identity",
    evidence: [],
    origin: incidentId ? "incident" : "manual",
    ...(incidentId ? { incidentId } : {}),
  });
  await respond(await admin("halvorsen", now - 58 * DAY), mfa.id, "accept", {});
  await respond(await admin("halvorsen", now - 21 * DAY), mfa.id, "done", {});

  const seg = await createRec(as("meridian-health", now - 45 * DAY), {
    title: "Segment the EHR servers from the clinic workstations",
    body: "Clinic workstations reach the EHR database servers directly on SMB. Restrict them to the application ports.",
    severity: "medium",
    category: "hardening",
    evidence: [],
    origin: "manual",
  });
  await respond(await admin("meridian-health", now - 33 * DAY), seg.id, "accept_risk", {
    reason: "The EHR vendor's upgrade in Q2 brings its own segmentation; we accept the risk until then.",
    reviewOn: new Date(now + 60 * DAY),
  });
  const creds = await createRec(as("mueller-energie", now - 20 * DAY), {
    title: "Rotate the OT jump-host service credentials",
    body: "Two service accounts on the OT jump hosts have not changed their passwords since 2021.",
    severity: "low",
    category: "identity",
    evidence: [],
    origin: "manual",
  });
  await respond(await admin("mueller-energie", now - 12 * DAY), creds.id, "accept", {});
  return 3;
}

const HUNTS: {
  title: string;
  techniques: string[];
  components: string[];
  slugs: string[] | "all";
  outcome: "nothing_found" | "incident" | "recommendation";
  days: number;
}[] = [
  {
    title: "Kerberoasting against service accounts",
    techniques: ["T1558.003"],
    components: ["Active Directory Credential Request"],
    slugs: "all",
    outcome: "nothing_found",
    days: 84,
  },
  {
    title: "Living-off-the-land PowerShell download cradles",
    techniques: ["T1059.001", "T1105"],
    components: ["Process Creation", "Command Execution"],
    slugs: ["halvorsen", "kestrel-bank"],
    outcome: "incident",
    days: 77,
  },
  {
    title: "Scheduled tasks created by non-admin users",
    techniques: ["T1053.005"],
    components: ["Scheduled Job Creation"],
    slugs: ["meridian-health"],
    outcome: "nothing_found",
    days: 70,
  },
  {
    title: "DNS tunnelling from OT segments",
    techniques: ["T1071.004"],
    components: ["Network Traffic Content"],
    slugs: ["mueller-energie"],
    outcome: "recommendation",
    days: 63,
  },
  {
    title: "Impossible-travel sign-ins to Okta",
    techniques: ["T1078.004"],
    components: ["Logon Session Creation"],
    slugs: ["kestrel-bank"],
    outcome: "recommendation",
    days: 55,
  },
  {
    title: "SMB lateral movement with admin shares",
    techniques: ["T1021.002"],
    components: ["Network Share Access"],
    slugs: "all",
    outcome: "nothing_found",
    days: 48,
  },
  {
    title: "Credential dumping from LSASS",
    techniques: ["T1003.001"],
    components: ["Process Access"],
    slugs: ["sakura-precision", "meridian-health"],
    outcome: "incident",
    days: 41,
  },
  {
    title: "Persistence through registry run keys",
    techniques: ["T1547.001"],
    components: ["Windows Registry Key Modification"],
    slugs: ["halvorsen"],
    outcome: "nothing_found",
    days: 34,
  },
  {
    title: "Exfiltration over web services",
    techniques: ["T1567.002"],
    components: ["Network Traffic Flow"],
    slugs: "all",
    outcome: "nothing_found",
    days: 27,
  },
  {
    title: "Inbox forwarding rules set by attackers",
    techniques: ["T1114.003"],
    components: ["Application Log Content"],
    slugs: ["southern-cross"],
    outcome: "recommendation",
    days: 20,
  },
  {
    title: "Web shells on internet-facing servers",
    techniques: ["T1505.003"],
    components: ["File Creation"],
    slugs: ["kestrel-bank", "meridian-health"],
    outcome: "nothing_found",
    days: 13,
  },
  {
    title: "Remote services abused through RDP",
    techniques: ["T1021.001"],
    components: ["Logon Session Creation"],
    slugs: ["mueller-energie"],
    outcome: "nothing_found",
    days: 6,
  },
];

async function seedHunts(db: Db, now: number, staff: Ctx, m: Map<string, { id: string }>) {
  let n = 0;
  for (const [i, h] of HUNTS.entries()) {
    const start = now - h.days * DAY;
    const slugs = (h.slugs === "all" ? [] : h.slugs).filter((s) => m.has(s));
    const hunt = await createHunt(staff(start, i), {
      title: h.title,
      hypothesis: `If an attacker used ${h.techniques.join(", ")}, ${h.components.join(" and ")} telemetry would show it.`,
      techniques: h.techniques,
      dataComponents: h.components,
      allCustomers: h.slugs === "all",
      customerIds: slugs.map((s) => m.get(s)!.id),
      periodFrom: new Date(start - 30 * DAY),
      periodTo: new Date(start),
      analystId: staff(start, i).user.id,
      effortHours: 3 + (i % 5) * 2.5,
    });
    await updateHunt(staff(start + HOUR, i), {
      huntId: hunt.id,
      status: "in_progress",
      findings: "Queries and pivots kept in the hunt notebook.",
    });
    const target = slugs[0] ? mintTenantId(m.get(slugs[0])!.id) : null;
    const inc = h.outcome === "incident" && target ? await closedIncident(db, target) : undefined;
    const outcome = (h.outcome === "incident" && !inc) || !target ? "nothing_found" : h.outcome;
    if (inc) await linkIncident(staff(start + 2 * DAY, i), hunt.id, inc);
    if (outcome === "recommendation" && target)
      await createRec(
        { ...staff(start + 2 * DAY, i), tenant: target },
        {
          title: `Harden against ${inSentence(h.title)}`,
          body: `Our hunt for ${inSentence(h.title)} found weak spots that an attacker could use; close them.`,
          severity: i % 2 ? "high" : "medium",
          category: "hardening",
          evidence: [{ kind: "hunt", id: hunt.id, label: h.title }],
          origin: "hunt",
          huntId: hunt.id,
        },
      );
    const summary =
      outcome === "nothing_found"
        ? `We searched for ${inSentence(h.title)} and found no sign of it.`
        : outcome === "incident"
          ? `We found activity matching ${inSentence(h.title)} and opened an incident with you.`
          : `We found no attack, but weak spots that would allow ${inSentence(h.title)}; see the recommendation.`;
    await updateHunt(staff(start + 3 * DAY, i), {
      huntId: hunt.id,
      status: "concluded",
      outcome,
      customerSummary: summary,
    });
    n++;
  }
  return n;
}
