import { findCustomer } from "@/server/customers/queries";
import { env } from "@/server/env";
import { getBranding } from "@/server/provider/queries";
import { findMembership } from "@/server/tenancy/queries";
import { tenantOfCredentialRow } from "@/server/tenancy/tenant";
import { createTRPCRouter, protectedProcedure, publicProcedure } from "@/server/trpc/init";
import { type Actor, type Permission, permissionsOf, roleLabel } from "./permissions";

export const meRouter = createTRPCRouter({
  /** Who is signed in, on which side, with which permissions: the UI shows or hides actions from this. */
  session: protectedProcedure.query(async ({ ctx }) => {
    const m = await findMembership(ctx.db, ctx.user.id);
    const user = { ...ctx.user, twoFactorEnabled: Boolean(ctx.session.user.twoFactorEnabled) };
    if (!m) {
      return {
        user,
        actor: null,
        roleLabel: null,
        permissions: [] as Permission[],
        customer: null,
        needsTwoFactor: false,
      };
    }
    const actor = (
      m.customerId === null ? { side: "staff", role: m.role } : { side: "customer", role: m.role }
    ) as Actor;
    const customer = m.customerId
      ? await findCustomer(ctx.db, tenantOfCredentialRow({ customerId: m.customerId }))
      : null;
    return {
      user,
      actor,
      roleLabel: roleLabel(actor) as string | null,
      permissions: [...permissionsOf(actor)] as Permission[],
      customer: customer && { id: customer.id, name: customer.name, slug: customer.slug, timezone: customer.timezone },
      needsTwoFactor: actor.side === "staff" && env.STAFF_2FA === "required" && !ctx.session.user.twoFactorEnabled,
    };
  }),
  branding: publicProcedure.query(({ ctx }) => getBranding(ctx.db)),
});
