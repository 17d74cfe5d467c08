import { actorOf, diff, recordAudit } from "@/server/audit/service";
import { assertCan } from "@/server/auth/permissions";
import { Forbidden } from "@/server/errors";
import type { StaffContext } from "@/server/tenancy/tenant";
import { providerProfile, upsertProviderSettings } from "./queries";
import type { BrandingInput } from "./schema";

/** The provider's branding as the console shows and edits it (e-mails and report covers use it). */
export async function getProviderSettings(ctx: StaffContext) {
  if (ctx.actor.side !== "staff") throw new Forbidden("This is for provider staff only.");
  return providerProfile(ctx.db);
}

export async function updateProviderSettings(ctx: StaffContext, input: BrandingInput) {
  assertCan(ctx.actor, "settings:manage");
  return ctx.db.transaction(async (tx) => {
    const before = await providerProfile(tx);
    await upsertProviderSettings(tx, input);
    const changes = diff(before, input);
    if (changes.logoSvg)
      changes.logoSvg = { from: before.logoSvg ? "(logo)" : null, to: input.logoSvg ? "(new logo)" : null };
    await recordAudit(tx, {
      ...actorOf(ctx),
      action: "provider.branding_update",
      targetType: "provider",
      targetId: "provider",
      summary: changes,
    });
    return providerProfile(tx);
  });
}
