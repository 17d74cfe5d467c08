import { actorOf, recordAudit } from "@/server/audit/service";
import { assertCan } from "@/server/auth/permissions";
import { NotFound } from "@/server/errors";
import { clockOf, type StaffContext } from "@/server/tenancy/tenant";
import * as q from "./queries";
import { riskKind } from "./risk";
import { riskNow } from "./views";

/** The banner's items sent at most: it shows three and opens to these; the SLA page lists them all. */
export const BANNER_ITEMS = 20;

/**
 * The console's SLA banner: the same clocks the SLA page lists as "at risk and breached now", with the page's counts
 * (`riskNow`), less the ones this person dismissed and the ones a SOC manager resolved for everyone. Every console
 * page polls it, so it sends the first `BANNER_ITEMS` (overdue first) and how many there are in all (`total`): at a
 * large provider hundreds of clocks are at risk at once, and those belong on the SLA page.
 */
export async function slaBanner(ctx: StaffContext) {
  assertCan(ctx.actor, "sla:read");
  const [risk, hidden] = await Promise.all([
    // Provider-wide and the same for everyone: shared for a few seconds (the dismissals are each person's, read fresh).
    riskNow(ctx),
    q.listBannerDismissals(ctx.db, ctx.user.id),
  ]);
  const now = clockOf(ctx).getTime();
  const listed = risk.rows
    .map((r) => ({ ...r, kind: riskKind(r, now) }))
    .filter((r) => r.kind !== "paused")
    .sort((a, b) => Number(b.kind === "overdue") - Number(a.kind === "overdue"));
  const items = listed.filter((r) => !hidden.has(`${r.clockId}|${r.state}`));
  return {
    counts: { overdue: risk.counts.overdue, at_risk: risk.counts.at_risk },
    items: items.slice(0, BANNER_ITEMS),
    // The page's count less the listed items this person dismissed.
    total: risk.counts.overdue + risk.counts.at_risk - (listed.length - items.length),
  };
}

/** Hides one clock (in its present state) from this person's banner only. */
export async function dismissBannerItem(ctx: StaffContext, clockId: string) {
  assertCan(ctx.actor, "sla:read");
  const clock = await q.findClockForBanner(ctx.db, clockId);
  if (!clock) throw new NotFound("No such SLA clock.");
  await q.insertBannerDismissal(ctx.db, {
    customerId: clock.customerId,
    clockId,
    state: clock.state,
    userId: ctx.user.id,
  });
  return { clockId };
}

/** A SOC manager resolves one clock's banner item for everyone (after a confirmation in the UI); audited. */
export async function resolveBannerItem(ctx: StaffContext, clockId: string) {
  assertCan(ctx.actor, "sla:resolve");
  return ctx.db.transaction(async (tx) => {
    const clock = await q.findClockForBanner(tx, clockId);
    if (!clock) throw new NotFound("No such SLA clock.");
    await q.insertBannerDismissal(tx, {
      customerId: clock.customerId,
      clockId,
      state: clock.state,
      userId: null,
      resolvedBy: ctx.user.id,
    });
    await recordAudit(tx, {
      ...actorOf(ctx),
      customerId: clock.customerId,
      action: "sla.banner.resolve",
      targetType: "sla_clock",
      targetId: clockId,
      summary: { state: clock.state, incidentId: clock.incidentId },
    });
    return { clockId };
  });
}
