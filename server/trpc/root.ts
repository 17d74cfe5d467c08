import { auditRouter } from "@/server/audit/router";
import { meRouter } from "@/server/auth/router";
import { customersRouter, organisationRouter } from "@/server/customers/router";
import { outboxRouter } from "@/server/email/router";
import { customerUsersRouter, invitationsRouter, staffRouter, teamRouter } from "@/server/users/router";
import { createCallerFactory, createTRPCRouter } from "./init";

export const appRouter = createTRPCRouter({
  me: meRouter,
  customers: customersRouter,
  customerUsers: customerUsersRouter,
  staff: staffRouter,
  organisation: organisationRouter,
  team: teamRouter,
  invitations: invitationsRouter,
  audit: auditRouter,
  outbox: outboxRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
