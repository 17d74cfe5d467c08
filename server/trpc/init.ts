import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { z } from "zod";
import { getDb } from "@/db";
import { CUSTOMER_ROLES, STAFF_ROLES } from "@/db/schema/tenancy";
import { auth } from "@/server/auth/auth";
import type { Actor } from "@/server/auth/permissions";
import { env } from "@/server/env";
import { Conflict, DomainError, Forbidden, Invalid, NotFound, Unauthorized } from "@/server/errors";
import { findIncidentCustomerId } from "@/server/incidents/queries";
import { isGenericMessage, logInternal } from "@/server/log";
import { customerExists, findMembership } from "@/server/tenancy/queries";
import { mintTenantId } from "@/server/tenancy/tenant";

export async function createTRPCContext(opts: { headers: Headers }) {
  const db = await getDb();
  const session = await auth.api.getSession({ headers: opts.headers });
  return { db, session, headers: opts.headers };
}
export type TRPCContext = Awaited<ReturnType<typeof createTRPCContext>>;

/** An error the client may read as it is: a domain error, a protocol error we raised, or bad input. */
const isPublic = (e: TRPCError) => e.code !== "INTERNAL_SERVER_ERROR" || e.cause instanceof DomainError;

const t = initTRPC.context<TRPCContext>().create({
  transformer: superjson,
  errorFormatter({ shape, error, path }) {
    // Last line of defence for failures outside the procedure chain (context creation, the adapter): never the
    // internal text, always a reference that the log holds.
    if (!isPublic(error) && !isGenericMessage(error.message)) {
      const { message } = logInternal(error.cause ?? error, { path });
      return { ...shape, message, data: { ...shape.data, stack: undefined, zodError: null, issues: null, path: null } };
    }
    const cause = error.cause;
    const zod = cause instanceof z.ZodError ? cause : null;
    // Input errors get a readable message and every field's message under its full dotted path ("contact.email").
    const issues = zod?.issues.map((i) => ({ path: i.path.map(String).join("."), message: i.message })) ?? null;
    return {
      ...shape,
      message: issues?.length
        ? `${issues[0]!.message}${issues[0]!.path ? ` (${issues[0]!.path})` : ""}`
        : shape.message,
      data: {
        ...shape.data,
        zodError: zod ? z.flattenError(zod) : null,
        issues,
        path: cause instanceof DomainError ? (cause.path ?? null) : null,
      },
    };
  },
});

export const createCallerFactory = t.createCallerFactory;
export const createTRPCRouter = t.router;

function codeOf(e: DomainError): TRPCError["code"] {
  if (e instanceof NotFound) return "NOT_FOUND";
  if (e instanceof Forbidden) return "FORBIDDEN";
  if (e instanceof Conflict) return "CONFLICT";
  if (e instanceof Invalid) return "BAD_REQUEST";
  if (e instanceof Unauthorized) return "UNAUTHORIZED";
  return "INTERNAL_SERVER_ERROR";
}

/**
 * The one error policy: domain errors become their protocol errors with their message; input and protocol errors
 * pass as they are; anything else (a database error, a bug) is logged with a reference and the client gets only
 * "Something went wrong (reference …)".
 */
const mapDomainErrors = t.middleware(async ({ next, path, type }) => {
  const result = await next();
  if (result.ok) return result;
  const cause = result.error.cause;
  if (cause instanceof DomainError) throw new TRPCError({ code: codeOf(cause), message: cause.message, cause });
  if (isPublic(result.error)) return result;
  const { message } = logInternal(cause ?? result.error, { path, type });
  throw new TRPCError({ code: "INTERNAL_SERVER_ERROR", message });
});

export const publicProcedure = t.procedure.use(mapDomainErrors);

export const protectedProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.session) throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in to continue." });
  const { user } = ctx.session;
  return next({ ctx: { session: ctx.session, user: { id: user.id, name: user.name, email: user.email } } });
});

export const staffProcedure = protectedProcedure.use(async ({ ctx, next }) => {
  const m = await findMembership(ctx.db, ctx.user.id);
  const role = STAFF_ROLES.find((r) => r === m?.role);
  if (!m || m.customerId !== null || !role) {
    throw new TRPCError({ code: "FORBIDDEN", message: "This is for provider staff only." });
  }
  if (env.STAFF_2FA === "required" && !ctx.session.user.twoFactorEnabled) {
    throw new TRPCError({ code: "FORBIDDEN", message: "Set up two-factor authentication before using the console." });
  }
  const actor: Actor = { side: "staff", role };
  return next({ ctx: { actor } });
});

export const customerProcedure = protectedProcedure.use(async ({ ctx, next }) => {
  const m = await findMembership(ctx.db, ctx.user.id);
  const role = CUSTOMER_ROLES.find((r) => r === m?.role);
  if (!m || m.customerId === null || !role || m.customerStatus !== "active") {
    throw new TRPCError({ code: "FORBIDDEN", message: "This is for customer users only." });
  }
  const actor: Actor = { side: "customer", role };
  return next({ ctx: { actor, tenant: mintTenantId(m.customerId) } });
});

/** Staff acting on one customer named in the input; the customer is checked to exist. */
export const staffCustomerProcedure = staffProcedure
  .input(z.object({ customerId: z.uuid() }))
  .use(async ({ ctx, input, next }) => {
    if (!(await customerExists(ctx.db, input.customerId))) {
      throw new TRPCError({ code: "NOT_FOUND", message: "No such customer." });
    }
    return next({ ctx: { tenant: mintTenantId(input.customerId) } });
  });

/** Staff acting on one incident: the tenant is the incident's own customer. */
export const staffIncidentProcedure = staffProcedure
  .input(z.object({ incidentId: z.uuid() }))
  .use(async ({ ctx, input, next }) => {
    const customerId = await findIncidentCustomerId(ctx.db, input.incidentId);
    if (!customerId) throw new TRPCError({ code: "NOT_FOUND", message: "No such incident." });
    return next({ ctx: { tenant: mintTenantId(customerId) } });
  });
