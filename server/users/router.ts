import { z } from "zod";
import { CUSTOMER_ROLES, STAFF_ROLES } from "@/db/schema/tenancy";
import {
  createTRPCRouter,
  customerProcedure,
  invitationTokenProcedure,
  staffCustomerProcedure,
  staffProcedure,
} from "@/server/trpc/init";
import { acceptInvitationInput, inviteCustomerUserInput, inviteStaffInput } from "./schema";
import * as service from "./service";

const byUser = z.object({ userId: z.string().min(1).max(64) });
const byInvitation = z.object({ invitationId: z.uuid() });

/** Customer admins manage their own organisation's users. */
export const teamRouter = createTRPCRouter({
  list: customerProcedure.query(({ ctx }) => service.getTeam(ctx, ctx.tenant)),
  invite: customerProcedure
    .input(inviteCustomerUserInput)
    .mutation(({ ctx, input }) => service.inviteUser(ctx, ctx.tenant, input)),
  revokeInvitation: customerProcedure
    .input(byInvitation)
    .mutation(({ ctx, input }) => service.revokeInvitation(ctx, ctx.tenant, input.invitationId)),
  remove: customerProcedure
    .input(byUser)
    .mutation(({ ctx, input }) => service.removeMember(ctx, ctx.tenant, input.userId)),
  changeRole: customerProcedure
    .input(byUser.extend({ role: z.enum(CUSTOMER_ROLES) }))
    .mutation(({ ctx, input }) => service.changeRole(ctx, ctx.tenant, input.userId, input.role)),
});

/** Staff manage any one customer's users. */
export const customerUsersRouter = createTRPCRouter({
  list: staffCustomerProcedure.query(({ ctx }) => service.getTeam(ctx, ctx.tenant)),
  invite: staffCustomerProcedure
    .input(inviteCustomerUserInput)
    .mutation(({ ctx, input }) => service.inviteUser(ctx, ctx.tenant, input)),
  revokeInvitation: staffCustomerProcedure
    .input(byInvitation)
    .mutation(({ ctx, input }) => service.revokeInvitation(ctx, ctx.tenant, input.invitationId)),
  remove: staffCustomerProcedure
    .input(byUser)
    .mutation(({ ctx, input }) => service.removeMember(ctx, ctx.tenant, input.userId)),
  changeRole: staffCustomerProcedure
    .input(byUser.extend({ role: z.enum(CUSTOMER_ROLES) }))
    .mutation(({ ctx, input }) => service.changeRole(ctx, ctx.tenant, input.userId, input.role)),
});

/** Provider admins manage staff and their roles. */
export const staffRouter = createTRPCRouter({
  list: staffProcedure.query(({ ctx }) => service.getTeam(ctx, null)),
  invite: staffProcedure.input(inviteStaffInput).mutation(({ ctx, input }) => service.inviteUser(ctx, null, input)),
  revokeInvitation: staffProcedure
    .input(byInvitation)
    .mutation(({ ctx, input }) => service.revokeInvitation(ctx, null, input.invitationId)),
  remove: staffProcedure.input(byUser).mutation(({ ctx, input }) => service.removeMember(ctx, null, input.userId)),
  changeRole: staffProcedure
    .input(byUser.extend({ role: z.enum(STAFF_ROLES) }))
    .mutation(({ ctx, input }) => service.changeRole(ctx, null, input.userId, input.role)),
});

/** The invitation link: public, the token is the credential. */
export const invitationsRouter = createTRPCRouter({
  byToken: invitationTokenProcedure
    .input(z.object({ token: z.string().min(20).max(200) }))
    .query(({ ctx, input }) => service.getInvitation(ctx.db, input.token)),
  accept: invitationTokenProcedure
    .input(acceptInvitationInput)
    .mutation(({ ctx, input }) => service.acceptInvitation(ctx.db, input)),
});
