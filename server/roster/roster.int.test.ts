import { eq } from "drizzle-orm";
import ICAL from "ical.js";
import { Temporal } from "temporal-polyfill";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db";
import { auditLog, emailOutbox } from "@/db/schema";
import { defaultTerms } from "@/server/contracts/service";
import { closeTestDatabase, createTestDatabase } from "@/server/testing/db";
import { callerAs, createStaffUser, createWorld } from "@/server/testing/factories";
import { calendarFeed } from "./feed";
import { runGapNotices } from "./notify";

let h: DatabaseHandle;
let w: Awaited<ReturnType<typeof createWorld>>;
let second: Awaited<ReturnType<typeof createStaffUser>>;
const today = Temporal.Now.plainDateISO("Europe/Berlin").toString();
const plus = (n: number) => Temporal.PlainDate.from(today).add({ days: n }).toString();
let rosterId = "";
let dayTeam = "";
let nightTeam = "";

const manager = () => callerAs(h.db, w.staff.manager);
const analyst = () => callerAs(h.db, w.staff.analyst);

beforeAll(async () => {
  h = await createTestDatabase();
  w = await createWorld(h.db);
  second = await createStaffUser(h.db, "analyst");
  await manager().contracts.create({
    customerId: w.a.customer.id,
    reference: "A-MDR",
    terms: { ...defaultTerms("mdr", "Europe/Berlin", "2026-01-01"), coverage: { kind: "24x7" }, autoRenew: true },
    effectiveFrom: new Date("2026-01-01T00:00:00Z"),
  });
  await callerAs(h.db, w.staff.admin).roster.updatePolicy({
    minOnDuty: 1,
    handlingMinutes: 10,
    serviceGoal: 0.9,
    maxOccupancy: 0.85,
    shrinkageBp: 3000,
    autoAssign: false,
  });
  for (const u of [w.staff.analyst, second])
    await manager().roster.saveProfile({ userId: u.id, level: 2, skills: ["endpoint"], languages: ["en"] });
  const r = await manager().roster.create({
    name: "Berlin",
    timeZone: "Europe/Berlin",
    anchor: today,
    cycleLength: 1,
    slots: [
      { id: "day", name: "Day", start: "07:00", end: "19:00" },
      { id: "night", name: "Night", start: "19:00", end: "07:00" },
    ],
  });
  rosterId = r.id;
  dayTeam = (
    await manager().roster.saveTeam({
      rosterId,
      name: "Day",
      cycle: ["day"],
      members: [w.staff.analyst.id],
      allowGap: true,
    })
  ).id;
  nightTeam = (
    await manager().roster.saveTeam({ rosterId, name: "Night", cycle: ["night"], members: [second.id], allowGap: true })
  ).id;
});
afterAll(closeTestDatabase);

describe("roster permissions", () => {
  it("keeps customers out of everything", async () => {
    for (const u of [w.a.admin, w.b.viewer]) {
      const api = callerAs(h.db, u);
      await expect(api.roster.gaps()).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(api.roster.onDuty()).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(api.roster.mine()).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(
        api.roster.requestTimeOff({ from: new Date(), to: new Date(Date.now() + 3600_000) }),
      ).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    await expect(callerAs(h.db, null).roster.onDuty()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });

  it("lets analysts read but not edit shifts, profiles or the policy", async () => {
    await expect(
      analyst().roster.create({
        name: "X",
        timeZone: "UTC",
        anchor: today,
        cycleLength: 1,
        slots: [{ id: "d", name: "D", start: "08:00", end: "16:00" }],
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      analyst().roster.override({
        teamId: dayTeam,
        date: plus(1),
        slotId: "day",
        kind: "remove",
        userId: w.staff.analyst.id,
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      analyst().roster.saveProfile({ userId: second.id, level: 3, skills: [], languages: [] }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      manager().roster.updatePolicy({
        minOnDuty: 0,
        handlingMinutes: 10,
        serviceGoal: 0.9,
        maxOccupancy: 0.85,
        shrinkageBp: 3000,
        autoAssign: false,
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(analyst().roster.requests()).rejects.toMatchObject({ code: "FORBIDDEN" });
    const t = await analyst().roster.timeline({ from: new Date(), to: new Date(Date.now() + 7 * 86_400_000) });
    expect(t.instances.length).toBeGreaterThanOrEqual(14);
  });

  it("refuses bad input with a clear error and writes nothing", async () => {
    await expect(
      manager().roster.create({
        name: "Bad",
        timeZone: "Mars/Base",
        anchor: today,
        cycleLength: 1,
        slots: [{ id: "d", name: "D", start: "08:00", end: "16:00" }],
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringMatching(/IANA/) });
    await expect(
      manager().roster.saveTeam({ rosterId, name: "T", cycle: ["day", "day"], members: [], allowGap: true }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(
      manager().roster.saveTeam({ rosterId, name: "T", cycle: ["day"], members: [w.a.admin.id], allowGap: true }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(
      manager().roster.timeline({ from: new Date(), to: new Date(Date.now() + 200 * 86_400_000) }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(
      (await manager().roster.timeline({ from: new Date(), to: new Date(Date.now() + 86_400_000) })).rosters,
    ).toHaveLength(1);
  });
});

describe("on duty now", () => {
  it("names who works the shift under way and the next one, from the shifts alone", async () => {
    const hour = Temporal.Now.zonedDateTimeISO("Europe/Berlin").hour;
    const day = hour >= 7 && hour < 19;
    const d = await analyst().roster.onDuty();
    expect(d.now.map((s) => [s.roster, s.slot, s.people.map((p) => p.id)])).toEqual([
      ["Berlin", day ? "Day" : "Night", [day ? w.staff.analyst.id : second.id]],
    ]);
    expect(d.next.map((s) => [s.slot, s.people.map((p) => p.name)])).toEqual([
      [day ? "Night" : "Day", [day ? second.name : w.staff.analyst.name]],
    ]);
  });
});

describe("gap guard", () => {
  it("refuses a change that opens a gap unless allowed, and records the allowed gap in the audit log", async () => {
    expect(await manager().roster.gaps()).toEqual([]);
    const change = {
      teamId: dayTeam,
      date: plus(2),
      slotId: "day",
      kind: "remove" as const,
      userId: w.staff.analyst.id,
    };
    await expect(manager().roster.override(change)).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringMatching(/allow gap/),
    });
    expect(await manager().roster.gaps()).toEqual([]);
    await manager().roster.override({ ...change, allowGap: true });
    const gaps = await manager().roster.gaps();
    expect(gaps).toHaveLength(1);
    expect(gaps[0]!.reasons).toEqual(
      ["headcount", "skill:endpoint", "seniority"]
        .filter((r) => r !== "seniority")
        .concat(gaps[0]!.reasons.includes("seniority") ? ["seniority"] : [])
        .sort((a, b) => gaps[0]!.reasons.indexOf(a) - gaps[0]!.reasons.indexOf(b)),
    );
    expect(gaps[0]!.customers.map((c) => c.id)).toEqual([w.a.customer.id]);
    const allowed = await h.db.select().from(auditLog).where(eq(auditLog.action, "roster.gap_allowed"));
    expect(allowed).toHaveLength(1);
    expect(allowed[0]!.actorId).toBe(w.staff.manager.id);
  });
});

describe("time off and swaps", () => {
  it("lets an analyst ask for time off, a manager approve it (behind the gap guard), not the analyst", async () => {
    const from = new Date(`${plus(5)}T12:00:00Z`);
    const req = await analyst().roster.requestTimeOff({
      from,
      to: new Date(from.getTime() + 3600_000),
      reason: "Dentist",
    });
    await expect(analyst().roster.decideTimeOff({ id: req.id, approve: true })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(callerAs(h.db, second).roster.cancelTimeOff({ id: req.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect((await manager().roster.requests()).timeOff.map((t) => t.id)).toContain(req.id);
    await expect(manager().roster.decideTimeOff({ id: req.id, approve: true })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    await manager().roster.decideTimeOff({ id: req.id, approve: true, allowGap: true });
    const mine = await analyst().roster.mine();
    expect(mine.timeOff.find((t) => t.id === req.id)?.status).toBe("approved");
    expect(mine.shifts.find((s) => s.ref.date === plus(5))?.onTimeOff).toBe(true);
  });

  it("runs a swap: asked by one, accepted by the other, approved by a manager, shown as a swap", async () => {
    const mineRef = { teamId: dayTeam, date: plus(7), slotId: "day" };
    const theirsRef = { teamId: nightTeam, date: plus(8), slotId: "night" };
    await expect(
      analyst().roster.requestSwap({ mine: theirsRef, counterpartId: second.id, theirs: mineRef }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const swap = await analyst().roster.requestSwap({ mine: mineRef, counterpartId: second.id, theirs: theirsRef });
    await expect(manager().roster.decideSwap({ id: swap.id, approve: true })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    await expect(analyst().roster.respondSwap({ id: swap.id, accept: true })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(
      callerAs(h.db, w.staff.manager).roster.respondSwap({ id: swap.id, accept: true }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await callerAs(h.db, second).roster.respondSwap({ id: swap.id, accept: true });
    await expect(callerAs(h.db, second).roster.decideSwap({ id: swap.id, approve: true })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await manager().roster.decideSwap({ id: swap.id, approve: true, allowGap: true });
    const t = await manager().roster.timeline({
      from: new Date(`${plus(7)}T00:00:00Z`),
      to: new Date(`${plus(10)}T00:00:00Z`),
    });
    const day = t.instances.find((i) => i.teamId === dayTeam && i.date === plus(7))!;
    expect(day.people).toEqual([{ id: second.id, name: second.name, change: "swap" }]);
    expect(day.removed.map((p) => p.id)).toEqual([w.staff.analyst.id]);
  });
});

describe("iCal", () => {
  it("serves an analyst's shifts under a rotatable token, parsed back by ical.js, with SEQUENCE bumped by a change", async () => {
    const { url } = await analyst().roster.rotateCalendar();
    const token = url
      .split("/")
      .pop()!
      .replace(/\.ics$/, "");
    const parse = async () => {
      const comp = new ICAL.Component(ICAL.parse(await calendarFeed(h.db, token, "mine", Date.now())));
      return comp.getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
    };
    const before = await parse();
    const target = before.find((e) => e.uid.includes(plus(12)))!;
    expect(target.startDate.zone?.tzid).toBe("UTC");
    await manager().roster.override({
      teamId: dayTeam,
      date: plus(12),
      slotId: "day",
      kind: "add",
      replacementId: second.id,
    });
    const after = await parse();
    expect(after.find((e) => e.uid === target.uid)!.sequence).toBe(target.sequence + 1);
    await expect(calendarFeed(h.db, token, "provider", Date.now())).rejects.toThrow(/No such calendar/);
    const managerFeed = (await manager().roster.rotateCalendar()).providerUrl!;
    const mToken = managerFeed
      .split("/")
      .pop()!
      .replace(/\.ics\?scope=provider$/, "");
    expect(await calendarFeed(h.db, mToken, "provider", Date.now())).toContain(second.name);
    await analyst().roster.rotateCalendar();
    await expect(calendarFeed(h.db, token, "mine", Date.now())).rejects.toThrow(/No such calendar/);
  });
});

describe("gap e-mail", () => {
  it("sends each new gap once, however many instances run the job", async () => {
    const gaps = (await manager().roster.gaps()).filter(
      (g) => g.start.getTime() > Date.now() && g.start.getTime() < Date.now() + 14 * 86_400_000,
    );
    expect(gaps.length).toBeGreaterThan(0);
    const [a, b] = await Promise.all([runGapNotices(h.db), runGapNotices(h.db)]);
    expect(a.gaps + b.gaps).toBe(gaps.length);
    // One SOC manager: one e-mail per run that claimed any gap (on PostgreSQL both runs may claim some of them).
    expect(a.emails).toBe(a.gaps > 0 ? 1 : 0);
    expect(b.emails).toBe(b.gaps > 0 ? 1 : 0);
    expect(await runGapNotices(h.db)).toEqual({ gaps: 0, emails: 0 });
    const mail = await h.db.select().from(emailOutbox).where(eq(emailOutbox.template, "roster-gaps"));
    expect(mail).toHaveLength(a.emails + b.emails);
    expect(mail.every((m) => m.to === w.staff.manager.email)).toBe(true);
  });
});

describe("a contract's own skills and languages", () => {
  const terms = {
    ...defaultTerms("mdr", "Europe/Berlin", "2026-01-01"),
    coverage: { kind: "24x7" as const },
    autoRenew: true,
  };
  const create = (extra: { extraSkills?: string[]; languages?: string[] }, reference = "B-DE") =>
    manager().contracts.create({
      customerId: w.b.customer.id,
      reference,
      // Unknown values reach the server as a client could send them.
      terms: { ...terms, ...extra } as typeof terms,
      effectiveFrom: new Date("2026-01-01T00:00:00Z"),
    });

  it("refuses an unknown skill or a malformed language code, naming it, and writes nothing", async () => {
    // The input issue as the console shows it (server/trpc/init.ts puts "message (path)" in the HTTP error).
    const refused = async (extra: { extraSkills?: string[]; languages?: string[] }) => {
      const e = await create(extra).then(
        () => null,
        (x) => x,
      );
      expect(e).toMatchObject({ code: "BAD_REQUEST" });
      return (e.cause.issues as { path: (string | number)[]; message: string }[]).map(
        (i) => `${i.message} (${i.path.join(".")})`,
      );
    };
    expect(await refused({ extraSkills: ["forensics"] })).toEqual([
      'Unknown skill "forensics": use endpoint, network, cloud, identity, log. (terms.extraSkills.0)',
    ]);
    for (const bad of ["deu", "DE", "d"])
      expect(await refused({ languages: ["en", bad] })).toEqual([
        `"${bad}" is not a language code: use two letters, e.g. de. (terms.languages.1)`,
      ]);
    expect((await manager().contracts.ofCustomer({ customerId: w.b.customer.id })).contracts).toEqual([]);
  });

  it("keeps analysts and customers from setting them", async () => {
    await expect(
      analyst().contracts.create({
        customerId: w.b.customer.id,
        reference: "B-X",
        terms: { ...terms, languages: ["de"] },
        effectiveFrom: new Date("2026-01-01T00:00:00Z"),
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      callerAs(h.db, w.b.admin).contracts.create({
        customerId: w.b.customer.id,
        reference: "B-X",
        terms: { ...terms, languages: ["de"] },
        effectiveFrom: new Date("2026-01-01T00:00:00Z"),
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("opens a gap naming the customer while nobody on duty speaks its language or holds its extra skill", async () => {
    await create({ extraSkills: ["identity", "identity"], languages: ["de"] });
    const stored = (await manager().contracts.ofCustomer({ customerId: w.b.customer.id })).current!;
    expect(stored).toMatchObject({ extraSkills: ["identity"], languages: ["de"] });
    const gaps = await manager().roster.gaps();
    const language = gaps.filter((g) => g.reasons.includes("language:de"));
    expect(language.length).toBeGreaterThan(0);
    for (const g of language) {
      expect(g.reasons).toContain("skill:identity");
      expect(g.customers).toContainEqual({ id: w.b.customer.id, name: w.b.customer.name });
    }
    // Once both analysts speak German and hold the skill, those reasons go.
    for (const u of [w.staff.analyst, second])
      await manager().roster.saveProfile({
        userId: u.id,
        level: 2,
        skills: ["endpoint", "identity"],
        languages: ["en", "de"],
        allowGap: true,
      });
    // Left: only the spans in which nobody at all is on duty (the removed shift and the time off above).
    const after = await manager().roster.gaps();
    const hours = (gs: typeof gaps) =>
      gs.filter((g) => g.reasons.includes("language:de")).reduce((n, g) => n + (+g.end - +g.start), 0);
    expect(hours(after)).toBeLessThan(hours(gaps));
    for (const g of after.filter((x) => x.reasons.some((r) => r === "language:de" || r === "skill:identity")))
      expect(g.reasons).toContain("headcount");
  });
});

describe("one request's roster views", () => {
  it("read the rosters, contracts and forecast once for the page's three views, with the same answers", async () => {
    const memo = new Map<string, Promise<unknown>>();
    const week = { from: new Date(), to: new Date(Date.now() + 7 * 86_400_000) };
    const page = callerAs(h.db, w.staff.manager, { memo });
    const [timeline, gaps, forecast] = await Promise.all([
      page.roster.timeline(week),
      page.roster.gaps(),
      page.roster.forecast(),
    ]);
    const reads = [...memo.keys()].filter((k) => k.startsWith("roster.basics"));
    // One read (two only if the calls straddled a minute).
    expect(reads.length).toBeGreaterThanOrEqual(1);
    expect(reads.length).toBeLessThanOrEqual(2);
    const alone = manager();
    expect(timeline).toEqual(await alone.roster.timeline(week));
    expect(gaps.map((g) => g.reasons)).toEqual((await alone.roster.gaps()).map((g) => g.reasons));
    const f = await alone.roster.forecast();
    expect([forecast.targetMinutes, forecast.policy]).toEqual([f.targetMinutes, f.policy]);
    expect(forecast.hours.map((x) => x.required)).toEqual(f.hours.map((x) => x.required));
  });
});
