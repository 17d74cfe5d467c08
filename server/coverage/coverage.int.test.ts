import { eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db";
import {
  customerContacts,
  emailOutbox,
  sensorHeartbeatHours,
  sensors,
  sensorTransitions,
  unsupportedAgentVersions,
} from "@/db/schema";
import { defaultTerms } from "@/server/contracts/service";
import { env } from "@/server/env";
import { authenticate, recordHeartbeat } from "@/server/ingest/service";
import { forgetSharedRead } from "@/server/tenancy/shared-read";
import { closeTestDatabase, createTestDatabase } from "@/server/testing/db";
import { callerAs, createStaffUser, createWorld } from "@/server/testing/factories";
import { BANNER_ITEMS, bannerCounts, visibleTransitions } from "./banner";
import { listSensorStates } from "./queries";
import { runSensorSweep } from "./service";
import { coverageHealthForMonth, tenantSensorHealth } from "./views";

let h: DatabaseHandle;
let w: Awaited<ReturnType<typeof createWorld>>;
const ids: Record<string, string> = {};
const keys: Record<string, string> = {};
const MIN = 60_000;

const base = { vendor: "CrowdStrike", product: "Falcon Insight", sourceFormat: "crowdstrike" as const };

beforeAll(async () => {
  h = await createTestDatabase();
  w = await createWorld(h.db);
  await createStaffUser(h.db, "soc_manager");
  const api = callerAs(h.db, w.staff.manager);
  await api.contracts.create({
    customerId: w.a.customer.id,
    reference: "A-MXDR",
    terms: { ...defaultTerms("mxdr", "Europe/Berlin", "2026-01-01"), monitoredClasses: ["edr", "ndr", "identity"] },
    effectiveFrom: new Date("2026-01-01T00:00:00Z"),
  });
  await api.contracts.create({
    customerId: w.b.customer.id,
    reference: "B-MDR",
    terms: defaultTerms("mdr", "Europe/Berlin", "2026-01-01"),
    effectiveFrom: new Date("2026-01-01T00:00:00Z"),
  });
  const add = async (name: string, customerId: string, extra: Record<string, unknown> = {}) => {
    const r = await api.sensors.create({ customerId, sensor: { ...base, name, sensorClass: "edr", ...extra } });
    ids[name] = r.sensor.id;
    keys[name] = r.apiKey;
  };
  await add("a-edr", w.a.customer.id);
  await add("a-xdr", w.a.customer.id, {
    sensorClass: "xdr",
    sourceFormat: "ocsf",
    providesClasses: ["ndr", "email"],
    vendor: "Palo Alto",
    product: "Cortex XDR",
  });
  await add("b-edr", w.b.customer.id);
  await h.db.insert(customerContacts).values([
    { customerId: w.a.customer.id, name: "Ops", email: "ops@a.example", severities: ["critical"], channels: ["email"] },
    { customerId: w.a.customer.id, name: "CFO", email: "cfo@a.example", severities: ["low"], channels: ["email"] },
  ]);
});
afterAll(closeTestDatabase);

const beat = async (name: string, at: Date, body: { version?: string } = {}) =>
  recordHeartbeat(h.db, await authenticate(h.db, `Bearer ${keys[name]}`, "heartbeat"), body, at);

describe("heartbeat history", () => {
  it("keeps one row per sensor and hour with the gaps longer than 3 × interval", async () => {
    const t = (m: number) => new Date(Date.UTC(2026, 2, 10, 10, 0) + m * MIN);
    for (const m of [0, 5, 10, 40, 45, 70]) await beat("b-edr", t(m));
    const rows = await h.db
      .select()
      .from(sensorHeartbeatHours)
      .where(eq(sensorHeartbeatHours.sensorId, ids["b-edr"]!))
      .orderBy(sensorHeartbeatHours.hour);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({
      firstAt: t(0),
      lastAt: t(45),
      beats: 5,
      gaps: [[t(10).getTime(), t(40).getTime()]],
    });
    expect(rows[1]).toMatchObject({ firstAt: t(70), lastAt: t(70), beats: 1, gaps: [] });
  });

  it("gives the month's availability, silent periods and state at month end", async () => {
    const r = await coverageHealthForMonth(h.db, w.b.customer.tenant, "2026-03");
    const s = r.sensors.find((x) => x.id === ids["b-edr"])!;
    // Counted from the first heartbeat (10:00 UTC) to the end of March in Berlin (22:00 UTC on the 31st).
    const counted = Date.UTC(2026, 2, 31, 22) - Date.UTC(2026, 2, 10, 10);
    // Silent 10:25–10:40 and 11:00–11:10 (10:45 → 11:10 spans the hour), then from 11:25 on.
    const silent = 25 * MIN + (counted - 85 * MIN);
    expect(s.availability).toBeCloseTo(1 - silent / counted, 12);
    expect(s.silentPeriods.slice(0, 2)).toEqual([
      { start: new Date(Date.UTC(2026, 2, 10, 10, 25)), end: new Date(Date.UTC(2026, 2, 10, 10, 40)) },
      { start: new Date(Date.UTC(2026, 2, 10, 11, 0)), end: new Date(Date.UTC(2026, 2, 10, 11, 10)) },
    ]);
    expect(s.stateAtMonthEnd).toBe("silent");
    expect(s.silentSinceAtMonthEnd).toEqual(new Date(Date.UTC(2026, 2, 10, 11, 25)));
    expect(r.classes.find((c) => c.cls === "edr")).toMatchObject({ contracted: true, state: "silent" });
    expect(r.coverage).toBe(0);
    const feb = await coverageHealthForMonth(h.db, w.b.customer.tenant, "2026-02");
    expect(feb.sensors.find((x) => x.id === ids["b-edr"])?.availability ?? null).toBeNull();
  });
});

describe("coverage matrix and portal", () => {
  it("shows staff every customer's cells, xdr counting in each declared class", async () => {
    await beat("a-edr", new Date());
    await beat("a-xdr", new Date());
    const m = await callerAs(h.db, w.staff.analyst).coverage.matrix({ state: "all" });
    const a = m.rows.find((r) => r.id === w.a.customer.id)!;
    expect(a.row.cells.edr.state).toBe("ok");
    expect(a.row.cells.ndr).toMatchObject({ state: "ok", contracted: true });
    expect(a.row.cells.email.state).toBe("extra");
    expect(a.row.cells.identity.state).toBe("missing");
    expect(a.row.coverage).toBeCloseTo(2 / 3, 10);
    expect(m.rows.findIndex((r) => r.id === w.b.customer.id)).toBeLessThan(m.rows.indexOf(a));
  });

  it("shows a customer only its own coverage, and no customer the matrix", async () => {
    const mine = await callerAs(h.db, w.a.viewer).myCoverage.summary();
    expect(mine.sensors.map((s) => s.id).sort()).toEqual([ids["a-edr"], ids["a-xdr"]].sort());
    const theirs = await callerAs(h.db, w.b.admin).myCoverage.summary();
    expect(theirs.sensors.map((s) => s.id)).toEqual([ids["b-edr"]]);
    await expect(callerAs(h.db, w.a.admin).coverage.matrix({ state: "all" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(callerAs(h.db, w.a.admin).coverage.customer({ customerId: w.b.customer.id })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(callerAs(h.db, w.staff.analyst).myCoverage.summary()).rejects.toMatchObject({ code: "FORBIDDEN" });
    const staffView = await callerAs(h.db, w.staff.analyst).coverage.customer({ customerId: w.b.customer.id });
    expect(staffView.sensors.map((s) => s.id)).toEqual([ids["b-edr"]]);
    await expect(callerAs(h.db, null).myCoverage.summary()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });
});

describe("the health rule in SQL (the matrix's read)", () => {
  it("decides every sensor's state as health.ts does, at the exact boundaries", async () => {
    const now = new Date(Date.UTC(2026, 5, 1, 12, 0, 0));
    const ago = (ms: number) => new Date(now.getTime() - ms);
    await h.db.insert(unsupportedAgentVersions).values({ vendor: "Acme", product: "Sensor", version: "1.2" });
    const facts = {
      "at 3 × interval": { lastHeartbeatAt: ago(15 * MIN) },
      "just after 3 × interval": { lastHeartbeatAt: ago(15 * MIN + 1) },
      "event newer than heartbeat": { lastHeartbeatAt: ago(60 * MIN), lastEventAt: ago(MIN) },
      "note exactly 1 h old": { lastHeartbeatAt: ago(MIN), healthNoteAt: ago(60 * MIN) },
      "note just over 1 h old": { lastHeartbeatAt: ago(MIN), healthNoteAt: ago(60 * MIN + 1) },
      "note in the future": { lastHeartbeatAt: ago(MIN), healthNoteAt: ago(-MIN) },
      "unsupported version": { lastHeartbeatAt: ago(MIN), vendor: " ACME", product: "sensor ", agentVersion: "1.2" },
      "silent on unsupported": {
        lastHeartbeatAt: ago(20 * MIN),
        vendor: "Acme",
        product: "Sensor",
        agentVersion: "1.2",
      },
      "never seen": {},
      "never seen, unsupported": { vendor: "Acme", product: "Sensor", agentVersion: "1.2" },
      retired: { lastHeartbeatAt: ago(MIN), status: "retired" as const },
      "interval 60 s, 3 min": { lastHeartbeatAt: ago(3 * MIN), heartbeatIntervalSeconds: 60 },
      "interval 60 s, 3 min + 1 ms": { lastHeartbeatAt: ago(3 * MIN + 1), heartbeatIntervalSeconds: 60 },
    };
    const inserted = await h.db
      .insert(sensors)
      .values(
        Object.entries(facts).map(([name, f]) => ({
          customerId: w.b.customer.id,
          name: `rule ${name}`,
          sensorClass: "ndr" as const,
          vendor: "Corelight",
          product: "Zeek",
          sourceFormat: "zeek" as const,
          ...f,
        })),
      )
      .returning({ id: sensors.id, name: sensors.name });
    const pure = new Map((await tenantSensorHealth(h.db, w.b.customer.tenant, now)).map((s) => [s.id, s.state]));
    const inSql = new Map((await listSensorStates(h.db, now)).map((s) => [s.id, s.state]));
    const both = inserted.map((s) => `${s.name}: ${pure.get(s.id)} ${inSql.get(s.id)}`);
    expect(both).toEqual([
      "rule at 3 × interval: healthy healthy",
      "rule just after 3 × interval: silent silent",
      "rule event newer than heartbeat: healthy healthy",
      "rule note exactly 1 h old: degraded degraded",
      "rule note just over 1 h old: healthy healthy",
      "rule note in the future: healthy healthy",
      "rule unsupported version: degraded degraded",
      "rule silent on unsupported: silent silent",
      "rule never seen: pending pending",
      "rule never seen, unsupported: pending pending",
      "rule retired: retired retired",
      "rule interval 60 s, 3 min: healthy healthy",
      "rule interval 60 s, 3 min + 1 ms: silent silent",
    ]);
    await h.db.delete(sensors).where(
      inArray(
        sensors.id,
        inserted.map((s) => s.id),
      ),
    );
    await h.db.delete(unsupportedAgentVersions);
  });
});

describe("unsupported agent versions", () => {
  it("lets analysts read but only managers edit, audited; a sensor on a listed version is degraded", async () => {
    const entry = { vendor: "CrowdStrike", product: "Falcon Insight", version: "6.40.1" };
    await expect(callerAs(h.db, w.staff.analyst).coverage.addUnsupportedVersion(entry)).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(callerAs(h.db, w.a.admin).coverage.addUnsupportedVersion(entry)).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(callerAs(h.db, w.a.admin).coverage.unsupportedVersions()).rejects.toMatchObject({ code: "FORBIDDEN" });
    const row = await callerAs(h.db, w.staff.manager).coverage.addUnsupportedVersion(entry);
    await expect(
      callerAs(h.db, w.staff.manager).coverage.addUnsupportedVersion({ ...entry, vendor: "crowdstrike " }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await callerAs(h.db, w.staff.analyst).coverage.unsupportedVersions()).toHaveLength(1);
    await beat("a-edr", new Date(), { version: "6.40.1" });
    const mine = await callerAs(h.db, w.a.viewer).myCoverage.summary();
    expect(mine.sensors.find((s) => s.id === ids["a-edr"])).toMatchObject({
      state: "degraded",
      reasons: ["unsupported_version"],
    });
    const audit = await h.db.execute(sql`select action from audit_log where target_id = ${row.id}`);
    const actions = (Array.isArray(audit) ? audit : (audit as { rows: { action: string }[] }).rows) as {
      action: string;
    }[];
    expect(actions.map((x) => x.action)).toEqual(["agent_version.unsupport"]);
    await expect(
      callerAs(h.db, w.staff.analyst).coverage.removeUnsupportedVersion({ id: row.id }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await callerAs(h.db, w.staff.manager).coverage.removeUnsupportedVersion({ id: row.id });
    expect(await callerAs(h.db, w.staff.analyst).coverage.unsupportedVersions()).toEqual([]);
  });
});

describe("silent and recovered transitions", () => {
  it("announces each transition once, whatever the number of sweepers", async () => {
    const now = new Date();
    await h.db
      .update(sensors)
      .set({ lastHeartbeatAt: new Date(now.getTime() - 15 * MIN), lastEventAt: null })
      .where(eq(sensors.id, ids["a-xdr"]!));
    // Exactly 3 × interval: not yet silent (this sweep announces only b-edr, silent since March).
    expect((await runSensorSweep(h.db, now)).silent).toBe(1);
    expect(await h.db.select().from(sensorTransitions).where(eq(sensorTransitions.sensorId, ids["a-xdr"]!))).toEqual(
      [],
    );
    const later = new Date(now.getTime() + 1);
    const [one, two] = await Promise.all([runSensorSweep(h.db, later), runSensorSweep(h.db, later)]);
    expect(one.silent + two.silent).toBe(1);
    const rows = await h.db.select().from(sensorTransitions).where(eq(sensorTransitions.sensorId, ids["a-xdr"]!));
    expect(rows).toMatchObject([{ kind: "silent", silentSince: now, customerId: w.a.customer.id }]);
    const mail = (await h.db.select().from(emailOutbox).where(eq(emailOutbox.template, "sensor-silent"))).filter((m) =>
      m.subject.includes("a-xdr"),
    );
    expect(mail.map((m) => m.to).sort()).toEqual(
      [w.staff.manager.email, "ops@a.example", ...(await managers())].filter(uniq).sort(),
    );
    expect(mail.some((m) => m.to === "cfo@a.example")).toBe(false);
    const { items: banner, counts } = await callerAs(h.db, w.staff.analyst).coverage.banner();
    expect(banner.map((b) => `${b.sensorName} ${b.kind}`).sort()).toEqual(["a-xdr silent", "b-edr silent"]);
    expect(counts).toEqual({ silent: 2, recovered: 0 });
    await expect(callerAs(h.db, w.a.admin).coverage.banner()).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(callerAs(h.db, w.b.admin).coverage.dismiss({ id: banner[0]!.id })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });

    await beat("a-xdr", new Date(later.getTime() + MIN));
    const after = new Date(later.getTime() + 2 * MIN);
    const [r1, r2] = await Promise.all([runSensorSweep(h.db, after), runSensorSweep(h.db, after)]);
    expect(r1.recovered + r2.recovered).toBe(1);
    expect((await runSensorSweep(h.db, after)).recovered).toBe(0);
    const recovered = (
      await h.db.select().from(emailOutbox).where(eq(emailOutbox.template, "sensor-recovered"))
    ).filter((m) => m.subject.includes("a-xdr"));
    expect(recovered).toHaveLength(mail.length);
    const { items, counts: back, total } = await callerAs(h.db, w.staff.analyst).coverage.banner();
    expect(items).toHaveLength(3);
    // a-xdr's silence is followed by its recovery: only the recovery counts, as the banner shows it.
    expect(back).toEqual({ silent: 1, recovered: 1 });
    expect(back).toEqual(bannerCounts(visibleTransitions(items)));
    expect(total).toBe(2);
    await callerAs(h.db, w.staff.analyst).coverage.dismiss({ id: items[0]!.id });
    expect((await callerAs(h.db, w.staff.analyst).coverage.banner()).items).toHaveLength(2);
  });

  it("shares the banner among staff for SHARED_READ_SECONDS and forgets it when one is dismissed here", async () => {
    const lifetime = env.SHARED_READ_SECONDS;
    env.SHARED_READ_SECONDS = 60;
    forgetSharedRead("coverage.banner");
    try {
      const { items: first } = await callerAs(h.db, w.staff.analyst).coverage.banner();
      expect(first.length).toBeGreaterThanOrEqual(2);
      // Dismissed behind this process's back (as on another instance): still listed until the shared read expires.
      await h.db
        .update(sensorTransitions)
        .set({ dismissedAt: new Date() })
        .where(eq(sensorTransitions.id, first[0]!.id));
      const { items: shared } = await callerAs(h.db, w.staff.manager).coverage.banner();
      expect(shared.map((b) => b.id)).toEqual(first.map((b) => b.id));
      // Dismissed through this process: forgotten after the commit, so the next read sees both dismissals.
      await callerAs(h.db, w.staff.analyst).coverage.dismiss({ id: first[1]!.id });
      const { items: fresh } = await callerAs(h.db, w.staff.analyst).coverage.banner();
      expect(fresh.map((b) => b.id)).toEqual(first.slice(2).map((b) => b.id));
    } finally {
      env.SHARED_READ_SECONDS = lifetime;
      forgetSharedRead("coverage.banner");
    }
  });
});

describe("the sensor banner past one page", () => {
  it("lists the newest transitions and counts all of them by the banner's rule", async () => {
    const banner = () => callerAs(h.db, w.staff.analyst).coverage.banner();
    const before = await banner();
    const now = Date.now();
    const silences = Array.from({ length: BANNER_ITEMS + 5 }, (_, i) => new Date(now - (i + 1) * 60_000));
    const rows = await h.db
      .insert(sensorTransitions)
      .values(
        silences.map((silentSince) => ({
          customerId: w.a.customer.id,
          sensorId: ids["a-edr"]!,
          kind: "silent" as const,
          silentSince,
        })),
      )
      .returning({ id: sensorTransitions.id });
    // Two of them recovered: their silences no longer count, their recoveries do.
    const back = silences.slice(0, 2).map((silentSince) => ({
      customerId: w.a.customer.id,
      sensorId: ids["a-edr"]!,
      kind: "recovered" as const,
      silentSince,
      recoveredAt: new Date(now),
    }));
    const recovered = await h.db.insert(sensorTransitions).values(back).returning({ id: sensorTransitions.id });
    try {
      forgetSharedRead("coverage.banner");
      const after = await banner();
      expect(after.items).toHaveLength(BANNER_ITEMS);
      expect(after.counts).toEqual({
        silent: before.counts.silent + BANNER_ITEMS + 3,
        recovered: before.counts.recovered + 2,
      });
      expect(after.total).toBe(before.total + BANNER_ITEMS + 5);
    } finally {
      await h.db.delete(sensorTransitions).where(
        inArray(
          sensorTransitions.id,
          [...rows, ...recovered].map((r) => r.id),
        ),
      );
      forgetSharedRead("coverage.banner");
    }
  });
});

const uniq = <T>(v: T, i: number, a: T[]) => a.indexOf(v) === i;
async function managers() {
  const r = await h.db.execute(
    sql`select u.email from memberships m join "user" u on u.id = m.user_id where m.role = 'soc_manager' and m.customer_id is null`,
  );
  return ((Array.isArray(r) ? r : (r as { rows: unknown[] }).rows) as { email: string }[]).map((x) => x.email);
}

describe("an outage that silences thousands of sensors at once", () => {
  it("announces every transition in one sweep, with one e-mail per recipient and kind", async () => {
    const at = new Date(Date.now() + 3 * 86_400_000);
    const lastSeen = new Date(at.getTime() - 30 * MIN);
    // 6,000 + 5,000 sensors more than one insert statement's 65,535 parameters hold at six columns a row.
    for (const [customerId, n] of [
      [w.a.customer.id, 6000],
      [w.b.customer.id, 5000],
    ] as const) {
      await h.db.execute(sql`
        insert into sensors (customer_id, name, sensor_class, vendor, product, source_format, status,
          last_heartbeat_at, heartbeat_interval_seconds)
        select ${customerId}, 'outage-' || lpad(g::text, 5, '0'), 'edr', 'CrowdStrike', 'Falcon Insight',
          'crowdstrike', 'active', ${lastSeen.toISOString()}::timestamptz, 300
        from generate_series(1, ${n}) g`);
    }
    await h.db.insert(customerContacts).values({
      customerId: w.b.customer.id,
      name: "B ops",
      email: "ops@b.example",
      severities: ["critical"],
      channels: ["email"],
    });
    const sweep = await runSensorSweep(h.db, at);
    expect(sweep.silent).toBeGreaterThanOrEqual(11_000);
    const banner = await h.db.execute(
      sql`select count(*)::int as n from sensor_transitions t join sensors s on s.id = t.sensor_id
        where s.name like 'outage-%' and t.kind = 'silent'`,
    );
    expect(((Array.isArray(banner) ? banner : (banner as { rows: unknown[] }).rows) as { n: number }[])[0]!.n).toBe(
      11_000,
    );
    const mail = (await h.db.select().from(emailOutbox).where(eq(emailOutbox.template, "sensor-silent"))).filter(
      (m) => m.createdAt.getTime() === at.getTime(),
    );
    const staff = [w.staff.manager.email, ...(await managers())].filter(uniq).sort();
    expect(mail.map((m) => m.to).sort()).toEqual([...staff, "ops@a.example", "ops@b.example"].sort());
    expect(mail.find((m) => m.to === "ops@a.example")!.subject).toBe(
      `${sweep.silent - 5000} sensors silent — ${w.a.customer.name}`,
    );
    const forB = mail.find((m) => m.to === "ops@b.example")!;
    expect(forB.customerId).toBe(w.b.customer.id);
    expect(forB.text).not.toContain(w.a.customer.name);
    expect(forB.text).toContain("and 4950 more");
    const forManager = mail.find((m) => m.to === w.staff.manager.email)!;
    expect(forManager.subject).toBe(`${sweep.silent} sensors silent at 2 customers`);
    expect(forManager.customerId).toBeNull();
    // Nothing is announced twice.
    expect((await runSensorSweep(h.db, at)).silent).toBe(0);
  });
});
