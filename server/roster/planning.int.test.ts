import { eq } from "drizzle-orm";
import { Temporal } from "temporal-polyfill";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db";
import { auditLog, rosterTeams } from "@/db/schema";
import { defaultTerms } from "@/server/contracts/service";
import { closeTestDatabase, createTestDatabase } from "@/server/testing/db";
import { callerAs, createWorld } from "@/server/testing/factories";
import { PRESETS } from "./presets";

/** Planning from the console: a roster created from a preset with its teams, edited with its cycles, teams removed. */
let h: DatabaseHandle;
let w: Awaited<ReturnType<typeof createWorld>>;
const today = Temporal.Now.plainDateISO("Europe/Berlin").toString();
const manager = () => callerAs(h.db, w.staff.manager);
const analyst = () => callerAs(h.db, w.staff.analyst);
const four = PRESETS.find((p) => p.id === "4on4off")!;
const body = { name: "Berlin", timeZone: "Europe/Berlin", anchor: today, cycleLength: 16, slots: four.slots };

beforeAll(async () => {
  h = await createTestDatabase();
  w = await createWorld(h.db);
  await manager().contracts.create({
    customerId: w.a.customer.id,
    reference: "A-MDR",
    terms: { ...defaultTerms("mdr", "Europe/Berlin", "2026-01-01"), coverage: { kind: "24x7" }, autoRenew: true },
    effectiveFrom: new Date("2026-01-01T00:00:00Z"),
  });
  await callerAs(h.db, w.staff.admin).roster.updatePolicy({
    minOnDuty: 0,
    handlingMinutes: 10,
    serviceGoal: 0.9,
    maxOccupancy: 0.85,
    shrinkageBp: 3000,
    autoAssign: false,
  });
  await manager().roster.saveProfile({ userId: w.staff.analyst.id, level: 2, skills: ["endpoint"], languages: [] });
});
afterAll(closeTestDatabase);

describe("planning a roster from the console", () => {
  it("creates a roster with a preset's teams in one step, listed with their cycles", async () => {
    const r = await manager().roster.create({ ...body, teams: four.teams });
    const list = await analyst().roster.list();
    const mine = list.find((x) => x.id === r.id)!;
    expect(mine.teams.map((t) => t.name)).toEqual(["Team A", "Team B", "Team C", "Team D"]);
    expect(mine.teams[1]!.cycle).toEqual(four.teams[1]!.cycle);
    expect(mine.teams.every((t) => t.members.length === 0)).toBe(true);
  });

  it("refuses a team cycle that does not match the roster, naming the team, and writes nothing", async () => {
    const before = (await manager().roster.list()).length;
    await expect(
      manager().roster.create({ ...body, name: "Bad", teams: [{ name: "Short", cycle: ["day"] }] }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: "Team Short: the cycle has 1 days, not 16." });
    await expect(
      manager().roster.create({ ...body, name: "Bad", teams: [{ name: "Odd", cycle: Array(16).fill("late") }] }),
    ).rejects.toMatchObject({ message: expect.stringMatching(/Team Odd works shift "late"/) });
    expect(await manager().roster.list()).toHaveLength(before);
  });

  it("changes the cycle length together with the teams' cycles, and refuses it without them", async () => {
    const r = (await manager().roster.list()).find((x) => x.name === "Berlin")!;
    const shorter = { ...body, id: r.id, cycleLength: 8 };
    await expect(manager().roster.update(shorter)).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringMatching(/Team A: the cycle has 16 days, not 8/),
    });
    const teams = r.teams.map((t) => ({ id: t.id, cycle: t.cycle.slice(0, 8) }));
    await manager().roster.update({ ...shorter, teams });
    const after = (await manager().roster.list()).find((x) => x.id === r.id)!;
    expect(after.cycleLength).toBe(8);
    expect(after.teams.every((t) => t.cycle.length === 8)).toBe(true);
    // A team of another roster cannot ride along.
    const other = await manager().roster.create({
      ...body,
      name: "Other",
      teams: [{ name: "X", cycle: Array(16).fill(null) }],
    });
    const x = (await manager().roster.list()).find((y) => y.id === other.id)!.teams[0]!;
    await expect(
      manager().roster.update({ ...shorter, teams: [...teams, { id: x.id, cycle: Array(8).fill(null) }] }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("removes a team behind the gap guard, audited; analysts cannot", async () => {
    const r = (await manager().roster.list()).find((x) => x.name === "Berlin")!;
    const team = r.teams[0]!;
    await manager().roster.saveTeam({
      rosterId: r.id,
      id: team.id,
      name: team.name,
      cycle: Array(8).fill("day"),
      members: [w.staff.analyst.id],
      allowGap: true,
    });
    // Taking the only endpoint analyst's skill away opens a gap too.
    const noSkill = { userId: w.staff.analyst.id, level: 2, skills: [], languages: [] };
    await expect(manager().roster.saveProfile(noSkill)).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringMatching(/skill:endpoint/),
    });
    expect((await manager().roster.profiles()).find((p) => p.userId === w.staff.analyst.id)!.skills).toEqual([
      "endpoint",
    ]);
    await expect(analyst().roster.removeTeam({ id: team.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(callerAs(h.db, w.a.admin).roster.removeTeam({ id: team.id })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(callerAs(h.db, w.b.viewer).roster.list()).rejects.toMatchObject({ code: "FORBIDDEN" });
    // The only endpoint analyst leaves: customer A (24x7 MDR) loses its skill.
    await expect(manager().roster.removeTeam({ id: team.id })).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringMatching(/allow gap/),
    });
    expect(await h.db.select().from(rosterTeams).where(eq(rosterTeams.id, team.id))).toHaveLength(1);
    await manager().roster.removeTeam({ id: team.id, allowGap: true });
    expect(await h.db.select().from(rosterTeams).where(eq(rosterTeams.id, team.id))).toHaveLength(0);
    const audit = await h.db.select().from(auditLog).where(eq(auditLog.action, "roster.team_remove"));
    expect(audit.map((a) => a.targetId)).toEqual([team.id]);
    expect(await h.db.select().from(auditLog).where(eq(auditLog.action, "roster.gap_allowed"))).not.toHaveLength(0);
    await expect(manager().roster.removeTeam({ id: team.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
