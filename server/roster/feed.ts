import { createHash, randomBytes } from "node:crypto";
import type { DbOrTx } from "@/db";
import { actorOf, recordAudit } from "@/server/audit/service";
import { assertCan } from "@/server/auth/permissions";
import { env } from "@/server/env";
import { NotFound } from "@/server/errors";
import type { ActorContext } from "@/server/tenancy/tenant";
import { instanceKey } from "./expand";
import { buildFeed, type FeedShift, shiftSequence } from "./ical";
import { loadPlan } from "./plan";
import * as q from "./queries";

/** The iCal feeds: a secret token per staff member (stored hashed, rotatable); theirs, or the whole provider's. */
const DAY = 86_400_000;
const hash = (token: string) => createHash("sha256").update(token).digest("hex");
const feedUrl = (token: string) => `${env.BETTER_AUTH_URL.replace(/\/$/, "")}/api/calendar/${token}.ics`;

export async function rotateCalendarToken(ctx: ActorContext) {
  assertCan(ctx.actor, "roster:read");
  const token = randomBytes(24).toString("base64url");
  return ctx.db.transaction(async (tx) => {
    await q.setCalendarToken(tx, ctx.user.id, hash(token));
    await recordAudit(tx, {
      ...actorOf(ctx),
      action: "roster.calendar_rotate",
      targetType: "user",
      targetId: ctx.user.id,
    });
    const url = feedUrl(token);
    return { url, providerUrl: ctx.actor.role === "soc_manager" ? `${url}?scope=provider` : null };
  });
}

/** The feed a token opens; NotFound for an unknown or rotated token, or a provider feed asked by a non-manager. */
export async function calendarFeed(db: DbOrTx, token: string, scope: "mine" | "provider", now: number) {
  const owner = token.length >= 16 && token.length <= 64 ? await q.findByCalendarToken(db, hash(token)) : null;
  if (!owner) throw new NotFound("No such calendar.");
  if (scope === "provider" && owner.role !== "soc_manager") throw new NotFound("No such calendar.");
  const plan = await loadPlan(db, now - 30 * DAY, now + 90 * DAY, now);
  const overrideKeys = plan.overrideRows.map((o) => instanceKey(o));
  const revision = new Map(plan.rows.rosters.map((r) => [r.id, r.revision]));
  const shifts: FeedShift[] = [];
  for (const i of plan.instances) {
    const roster = plan.rosters.find((r) => r.id === i.rosterId)!;
    const slot = roster.slots.find((s) => s.id === i.slotId);
    const team = roster.teams.find((t) => t.id === i.teamId);
    for (const userId of i.members) {
      if (scope === "mine" && userId !== owner.userId) continue;
      const off = plan.timeOff.filter((t) => t.userId === userId);
      if (off.some((t) => t.from <= i.start && t.to >= i.end)) continue;
      const person = plan.staff.get(userId)?.name ?? "Unknown";
      shifts.push({
        rosterId: i.rosterId,
        teamId: i.teamId,
        date: i.date,
        slotId: i.slotId,
        userId,
        start: i.start,
        end: i.end,
        summary:
          scope === "mine"
            ? `${slot?.name ?? "Shift"} — ${roster.name}`
            : `${person}: ${slot?.name ?? "Shift"} (${roster.name})`,
        description: `Team ${team?.name ?? ""}, roster ${roster.name} (${roster.timeZone}).`,
        sequence: shiftSequence(revision.get(i.rosterId) ?? 0, overrideKeys, instanceKey(i), off, i),
      });
    }
  }
  const name = scope === "mine" ? `Shifts of ${owner.name}` : "All shifts";
  return buildFeed(name, shifts, { domain: new URL(env.BETTER_AUTH_URL).hostname, stamp: new Date(now) });
}
