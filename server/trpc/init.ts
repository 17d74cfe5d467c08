import { randomUUID } from "node:crypto";
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
import { log } from "@/server/log";
import { metrics } from "@/server/observability/metrics";
import { customerExists, findMembership } from "@/server/tenancy/queries";
import { mintTenantId } from "@/server/tenancy/tenant";

export async function createTRPCContext(opts: { headers: Headers; requestId?: string }) {
  const db = await getDb();
  const session = await auth.api.getSession({ headers: opts.headers });
  return { db, session, headers: opts.headers, requestId: opts.requestId ?? randomUUID() };
}
/** Test callers build contexts by hand and may leave the request id out. */
export type TRPCContext = Omit<Awaited<ReturnType<typeof createTRPCContext>>, "requestId"> & { requestId?: string };

const t = initTRPC.context<TRPCContext>().create({
  transformer: superjson,
  errorFormatter({ shape, error }) {
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

/** The one place where domain errors become protocol errors. */
const mapDomainErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.cause instanceof DomainError) {
    const cause = result.error.cause;
    throw new TRPCError({ code: codeOf(cause), message: cause.message, cause });
  }
  return result;
});

/** One structured log line and one histogram sample per procedure call: who, which tenant, how long, outcome. */
const observe = t.middleware(async ({ ctx, path, type, next }) => {
  const started = performance.now();
  const result = await next();
  const seconds = (performance.now() - started) / 1000;
  const outcome = result.ok ? "ok" : result.error.code;
  metrics.requests.observe({ procedure: path, outcome }, seconds);
  const after = (result.ok ? (result as { ctx?: Record<string, unknown> }).ctx : undefined) ?? {};
  const fields = {
    requestId: ctx.requestId,
    procedure: path,
    type,
    userId: ctx.session?.user.id ?? null,
    customerId: (after as { tenant?: string }).tenant ?? null,
    ms: Math.round(seconds * 1000),
    outcome,
  };
  if (!result.ok && result.error.code === "INTERNAL_SERVER_ERROR")
    log.error({ ...fields, err: result.error.cause ?? result.error }, "procedure failed");
  else log.info(fields, "procedure");
  return result;
});

export const publicProcedure = t.procedure.use(observe).use(mapDomainErrors);

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
