import type { z } from "zod";
import { actorOf, recordAudit } from "@/server/audit/service";
import { assertCan } from "@/server/auth/permissions";
import { Conflict, Forbidden, Invalid, NotFound } from "@/server/errors";
import { type ActorContext, clockOf } from "@/server/tenancy/tenant";
import { withGapGuard } from "./guard";
import * as q from "./queries";
import type { decideInput, swapInput, timeOffInput } from "./schema";
import { findInstance } from "./service";

/**
 * Time off and swaps: an analyst asks for themselves, the other analyst accepts a swap addressed to them, a SOC manager
 * approves. Approving is the change to the plan, so it runs behind the gap guard.
 */
export async function requestTimeOff(ctx: ActorContext, input: z.infer<typeof timeOffInput>) {
  assertCan(ctx.actor, "roster:request");
  return ctx.db.transaction(async (tx) => {
    const row = await q.insertTimeOff(tx, {
      userId: ctx.user.id,
      startsAt: input.from,
      endsAt: input.to,
      reason: input.reason ?? null,
    });
    await recordAudit(tx, {
      ...actorOf(ctx),
      action: "roster.time_off_request",
      targetType: "time_off",
      targetId: row.id,
      summary: input,
    });
    return row;
  });
}

export async function cancelTimeOff(ctx: ActorContext, id: string) {
  assertCan(ctx.actor, "roster:request");
  return ctx.db.transaction(async (tx) => {
    const row = await q.findTimeOff(tx, id);
    if (!row || row.userId !== ctx.user.id) throw new NotFound("No such request.");
    if (row.status !== "requested" && row.status !== "approved") throw new Conflict("This request is already closed.");
    await q.updateTimeOff(tx, id, { status: "cancelled" });
    await recordAudit(tx, { ...actorOf(ctx), action: "roster.time_off_cancel", targetType: "time_off", targetId: id });
    return { id };
  });
}

export async function decideTimeOff(ctx: ActorContext, input: z.infer<typeof decideInput>) {
  assertCan(ctx.actor, "roster:manage");
  return ctx.db.transaction(async (tx) => {
    const row = await q.findTimeOff(tx, input.id);
    if (!row) throw new NotFound("No such request.");
    if (row.status !== "requested") throw new Conflict("This request was already decided.");
    const decide = async () => {
      const updated = await q.updateTimeOff(tx, row.id, {
        status: input.approve ? "approved" : "rejected",
        decidedBy: ctx.user.id.startsWith("system:") ? null : ctx.user.id,
        decidedAt: clockOf(ctx),
      });
      await recordAudit(tx, {
        ...actorOf(ctx),
        action: input.approve ? "roster.time_off_approve" : "roster.time_off_reject",
        targetType: "time_off",
        targetId: row.id,
        summary: { userId: row.userId, from: row.startsAt, to: row.endsAt },
      });
      return updated!;
    };
    return input.approve ? withGapGuard(tx, ctx, input.allowGap, decide) : decide();
  });
}

export async function requestSwap(ctx: ActorContext, input: z.infer<typeof swapInput>) {
  assertCan(ctx.actor, "roster:request");
  if (input.counterpartId === ctx.user.id) throw new Invalid("Swap with someone else.", "counterpartId");
  return ctx.db.transaction(async (tx) => {
    const mine = await findInstance(tx, input.mine);
    const theirs = await findInstance(tx, input.theirs);
    if (mine.roster.id !== theirs.roster.id) throw new Invalid("Swaps stay within one roster.", "theirs");
    if (!mine.inst.members.includes(ctx.user.id)) throw new Invalid("You are not on that shift.", "mine");
    if (!theirs.inst.members.includes(input.counterpartId))
      throw new Invalid("They are not on the shift you asked for.", "theirs");
    const row = await q.insertSwap(tx, {
      rosterId: mine.roster.id,
      requesterId: ctx.user.id,
      requesterTeamId: input.mine.teamId,
      requesterDate: input.mine.date,
      requesterSlotId: input.mine.slotId,
      counterpartId: input.counterpartId,
      counterpartTeamId: input.theirs.teamId,
      counterpartDate: input.theirs.date,
      counterpartSlotId: input.theirs.slotId,
      note: input.note ?? null,
    });
    await recordAudit(tx, {
      ...actorOf(ctx),
      action: "roster.swap_request",
      targetType: "shift_swap",
      targetId: row.id,
      summary: input,
    });
    return row;
  });
}

/** The counterpart answers a swap addressed to them. */
export async function respondSwap(ctx: ActorContext, input: { id: string; accept: boolean }) {
  assertCan(ctx.actor, "roster:request");
  return ctx.db.transaction(async (tx) => {
    const row = await q.findSwap(tx, input.id);
    if (!row || (row.counterpartId !== ctx.user.id && row.requesterId !== ctx.user.id))
      throw new NotFound("No such swap.");
    if (row.counterpartId !== ctx.user.id) throw new Forbidden("Only the person asked can answer this swap.");
    if (row.status !== "requested") throw new Conflict("This swap was already answered.");
    const updated = await q.updateSwap(tx, row.id, { status: input.accept ? "accepted" : "declined" });
    await recordAudit(tx, {
      ...actorOf(ctx),
      action: input.accept ? "roster.swap_accept" : "roster.swap_decline",
      targetType: "shift_swap",
      targetId: row.id,
    });
    return updated!;
  });
}

/** A SOC manager approves an accepted swap (two replaces) or rejects it. */
export async function decideSwap(ctx: ActorContext, input: z.infer<typeof decideInput>) {
  assertCan(ctx.actor, "roster:manage");
  return ctx.db.transaction(async (tx) => {
    const row = await q.findSwap(tx, input.id);
    if (!row) throw new NotFound("No such swap.");
    if (row.status !== "accepted")
      throw new Conflict(
        row.status === "requested" ? "The other analyst has not accepted yet." : "This swap is closed.",
      );
    const decide = async () => {
      const by = ctx.user.id.startsWith("system:") ? null : ctx.user.id;
      if (input.approve) {
        await q.insertOverrides(tx, [
          {
            rosterId: row.rosterId,
            teamId: row.requesterTeamId,
            date: row.requesterDate,
            slotId: row.requesterSlotId,
            kind: "replace",
            userId: row.requesterId,
            replacementId: row.counterpartId,
            swapId: row.id,
            createdBy: by,
          },
          {
            rosterId: row.rosterId,
            teamId: row.counterpartTeamId,
            date: row.counterpartDate,
            slotId: row.counterpartSlotId,
            kind: "replace",
            userId: row.counterpartId,
            replacementId: row.requesterId,
            swapId: row.id,
            createdBy: by,
          },
        ]);
      }
      const updated = await q.updateSwap(tx, row.id, {
        status: input.approve ? "approved" : "rejected",
        decidedBy: by,
        decidedAt: clockOf(ctx),
      });
      await recordAudit(tx, {
        ...actorOf(ctx),
        action: input.approve ? "roster.swap_approve" : "roster.swap_reject",
        targetType: "shift_swap",
        targetId: row.id,
      });
      return updated!;
    };
    return input.approve ? withGapGuard(tx, ctx, input.allowGap, decide) : decide();
  });
}
