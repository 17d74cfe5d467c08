import type { DbOrTx } from "@/db";
import { actorOf, recordAudit } from "@/server/audit/service";
import { Conflict } from "@/server/errors";
import { type ActorContext, clockOf } from "@/server/tenancy/tenant";
import { openedGaps } from "./opened";
import { loadPlan } from "./plan";

export const HORIZON_DAYS = 30;
const DAY = 86_400_000;

/**
 * Runs a roster change inside `tx` and refuses it when it opens a gap in the next 30 days, unless the manager allowed
 * it; an allowed gap is written to the audit log in the same transaction.
 */
export async function withGapGuard<T>(
  tx: DbOrTx,
  ctx: ActorContext,
  allowGap: boolean,
  change: () => Promise<T>,
): Promise<T> {
  const now = clockOf(ctx).getTime();
  const to = now + HORIZON_DAYS * DAY;
  const before = (await loadPlan(tx, now, to, now)).gaps;
  const result = await change();
  const after = (await loadPlan(tx, now, to, now)).gaps;
  const opened = openedGaps(before, after);
  if (opened.length && !allowGap) {
    const first = opened[0]!;
    throw new Conflict(
      `This change opens ${opened.length === 1 ? "a gap" : `${opened.length} gaps`} in the next ${HORIZON_DAYS} days, the first from ${new Date(first.start).toISOString()} (${first.reasons.join(", ")}). Tick "allow gap" to save it anyway.`,
      "allowGap",
    );
  }
  if (opened.length) {
    await recordAudit(tx, {
      ...actorOf(ctx),
      action: "roster.gap_allowed",
      targetType: "roster",
      summary: {
        gaps: opened.slice(0, 20).map((g) => ({ start: new Date(g.start), end: new Date(g.end), reasons: g.reasons })),
      },
    });
  }
  return result;
}
