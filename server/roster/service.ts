import type { z } from "zod";
import type { DbOrTx } from "@/db";
import { actorOf, recordAudit } from "@/server/audit/service";
import { assertCan } from "@/server/auth/permissions";
import { Invalid, NotFound } from "@/server/errors";
import type { ActorContext } from "@/server/tenancy/tenant";
import { toRosters } from "./assemble";
import { expandRoster, localInstant, validateRoster } from "./expand";
import { withGapGuard } from "./guard";
import * as q from "./queries";
import type {
  overrideInput,
  policyInput,
  profileInput,
  removeTeamInput,
  rosterInput,
  teamInput,
  updateRosterInput,
} from "./schema";

/** Manager and admin writes: rosters, teams, overrides, profiles, policy. Each in one transaction with its audit entry. */

function assertValid(errors: string[]) {
  if (errors.length) throw new Invalid(errors[0]!);
}

async function assertStaff(db: DbOrTx, ids: string[]) {
  const staff = new Set((await q.listStaff(db)).map((s) => s.userId));
  const stranger = ids.find((id) => !staff.has(id));
  if (stranger) throw new Invalid(`${stranger} is not provider staff.`, "members");
}

export async function createRoster(ctx: ActorContext, input: z.infer<typeof rosterInput>) {
  assertCan(ctx.actor, "roster:manage");
  const { allowGap: _, teams, ...v } = input;
  const ids = teams.map((_, i) => `new-${i}`);
  assertValid(
    validateRoster({
      ...v,
      id: "new",
      cycle: Object.fromEntries(teams.map((t, i) => [ids[i]!, t.cycle])),
      teams: teams.map((t, i) => ({ id: ids[i]!, name: t.name })),
    }),
  );
  return ctx.db.transaction(async (tx) => {
    const row = await q.insertRoster(tx, v);
    // New teams have no members yet: they cannot open a gap, so no guard is needed.
    for (const [position, t] of teams.entries())
      await q.insertTeam(tx, { rosterId: row.id, name: t.name, cycle: t.cycle, position });
    await recordAudit(tx, {
      ...actorOf(ctx),
      action: "roster.create",
      targetType: "roster",
      targetId: row.id,
      summary: { ...v, teams },
    });
    return row;
  });
}

export async function updateRoster(ctx: ActorContext, input: z.infer<typeof updateRosterInput>) {
  assertCan(ctx.actor, "roster:manage");
  return ctx.db.transaction(async (tx) => {
    const { rosters, teams } = await q.listRosterRows(tx);
    if (!rosters.some((r) => r.id === input.id)) throw new NotFound("No such roster.");
    const { allowGap, id, teams: changed, ...v } = input;
    const mine = teams.filter((t) => t.rosterId === id);
    const stranger = changed.find((c) => !mine.some((t) => t.id === c.id));
    if (stranger) throw new NotFound("No such team in this roster.");
    const cycles = new Map(mine.map((t) => [t.id, changed.find((c) => c.id === t.id)?.cycle ?? t.cycle]));
    assertValid(validateRoster({ ...v, id, cycle: Object.fromEntries(cycles), teams: mine }));
    return withGapGuard(tx, ctx, allowGap, async () => {
      const row = await q.updateRoster(tx, id, v);
      for (const c of changed) await q.updateTeam(tx, c.id, { cycle: c.cycle });
      await recordAudit(tx, {
        ...actorOf(ctx),
        action: "roster.update",
        targetType: "roster",
        targetId: id,
        summary: { ...v, teams: changed },
      });
      return row!;
    });
  });
}

export async function saveTeam(ctx: ActorContext, input: z.infer<typeof teamInput>) {
  assertCan(ctx.actor, "roster:manage");
  return ctx.db.transaction(async (tx) => {
    const roster = await q.findRoster(tx, input.rosterId);
    if (!roster) throw new NotFound("No such roster.");
    if (input.id) {
      const team = await q.findTeam(tx, input.id);
      if (!team || team.rosterId !== roster.id) throw new NotFound("No such team.");
    }
    assertValid(validateRoster({ ...roster, cycle: { team: input.cycle }, teams: [{ id: "team", name: input.name }] }));
    await assertStaff(tx, input.members);
    return withGapGuard(tx, ctx, input.allowGap, async () => {
      const v = { rosterId: roster.id, name: input.name, cycle: input.cycle };
      const team = input.id
        ? (await q.updateTeam(tx, input.id, v))!
        : await q.insertTeam(tx, { ...v, position: await q.countTeams(tx, roster.id) });
      await q.setTeamMembers(tx, team.id, [...new Set(input.members)]);
      await q.bumpRosterRevision(tx, roster.id);
      await recordAudit(tx, {
        ...actorOf(ctx),
        action: input.id ? "roster.team_update" : "roster.team_create",
        targetType: "roster_team",
        targetId: team.id,
        summary: { roster: roster.name, name: input.name, cycle: input.cycle, members: input.members },
      });
      return team;
    });
  });
}

/** Removes a team with its members and its overrides (behind the gap guard). */
export async function removeTeam(ctx: ActorContext, input: z.infer<typeof removeTeamInput>) {
  assertCan(ctx.actor, "roster:manage");
  return ctx.db.transaction(async (tx) => {
    const team = await q.findTeam(tx, input.id);
    if (!team) throw new NotFound("No such team.");
    return withGapGuard(tx, ctx, input.allowGap, async () => {
      await q.deleteTeam(tx, team.id);
      await q.bumpRosterRevision(tx, team.rosterId);
      await recordAudit(tx, {
        ...actorOf(ctx),
        action: "roster.team_remove",
        targetType: "roster_team",
        targetId: team.id,
        summary: { name: team.name, rosterId: team.rosterId },
      });
      return { id: team.id };
    });
  });
}

/** Checks that (team, date, slot) is an instance the pattern produces, and returns it. */
export async function findInstance(db: DbOrTx, ref: { teamId: string; date: string; slotId: string }) {
  const team = await q.findTeam(db, ref.teamId);
  if (!team) throw new NotFound("No such team.");
  const rows = await q.listRosterRows(db);
  const roster = toRosters(rows).find((r) => r.id === team.rosterId)!;
  const slot = roster.slots.find((s) => s.id === ref.slotId);
  if (!slot) throw new NotFound("No such shift.");
  const at = localInstant(ref.date, slot.start, roster.timeZone);
  const inst = expandRoster(roster, at, at + 1).find(
    (i) => i.teamId === ref.teamId && i.date === ref.date && i.slotId === ref.slotId,
  );
  if (!inst) throw new NotFound(`${team.name} does not work ${slot.name} on ${ref.date}.`);
  return { roster, team, inst };
}

export async function addOverride(ctx: ActorContext, input: z.infer<typeof overrideInput>) {
  assertCan(ctx.actor, "roster:manage");
  if (input.kind !== "add" && !input.userId) throw new Invalid("Name who leaves the shift.", "userId");
  if (input.kind !== "remove" && !input.replacementId) throw new Invalid("Name who takes the shift.", "replacementId");
  return ctx.db.transaction(async (tx) => {
    const { roster } = await findInstance(tx, input);
    await assertStaff(
      tx,
      [input.userId, input.replacementId].filter((x): x is string => !!x),
    );
    return withGapGuard(tx, ctx, input.allowGap, async () => {
      const [row] = await q.insertOverrides(tx, [
        {
          rosterId: roster.id,
          teamId: input.teamId,
          date: input.date,
          slotId: input.slotId,
          kind: input.kind,
          userId: input.kind === "add" ? null : input.userId!,
          replacementId: input.kind === "remove" ? null : input.replacementId!,
          note: input.note ?? null,
          createdBy: ctx.user.id.startsWith("system:") ? null : ctx.user.id,
        },
      ]);
      await recordAudit(tx, {
        ...actorOf(ctx),
        action: `roster.override_${input.kind}`,
        targetType: "roster_override",
        targetId: row!.id,
        summary: {
          roster: roster.name,
          date: input.date,
          slot: input.slotId,
          userId: input.userId,
          replacementId: input.replacementId,
          note: input.note,
        },
      });
      return row!;
    });
  });
}

export async function saveProfile(ctx: ActorContext, input: z.infer<typeof profileInput>) {
  assertCan(ctx.actor, "roster:manage");
  const { allowGap, ...v } = input;
  return ctx.db.transaction(async (tx) => {
    await assertStaff(tx, [v.userId]);
    // A skill, language or seniority taken away can open a gap: the same guard as any roster change.
    return withGapGuard(tx, ctx, allowGap, async () => {
      const row = await q.upsertProfile(tx, {
        ...v,
        languages: [...new Set(v.languages)],
        skills: [...new Set(v.skills)],
      });
      await recordAudit(tx, {
        ...actorOf(ctx),
        action: "roster.profile_update",
        targetType: "user",
        targetId: v.userId,
        summary: v,
      });
      return row;
    });
  });
}

export async function updatePolicy(ctx: ActorContext, input: z.infer<typeof policyInput>) {
  assertCan(ctx.actor, "settings:manage");
  return ctx.db.transaction(async (tx) => {
    const row = await q.updateSettings(tx, input);
    await recordAudit(tx, {
      ...actorOf(ctx),
      action: "roster.policy_update",
      targetType: "roster_settings",
      targetId: "provider",
      summary: input,
    });
    return row;
  });
}
