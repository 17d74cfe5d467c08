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
import { isGenericMessage, log, logInternal } from "@/server/log";
import { metrics } from "@/server/observability/metrics";
import { customerExists } from "@/server/tenancy/queries";
import { enterMembershipScope, runAsApp, setSystemScope } from "@/server/tenancy/scope";
import { forgetSharedReads } from "@/server/tenancy/shared-read";
import { mintTenantId } from "@/server/tenancy/tenant";

export async function createTRPCContext(opts: { headers: Headers; requestId?: string }) {
  const db = await getDb();
  const session = await auth.api.getSession({ headers: opts.headers });
  const logFields: { customerId?: string } = {};
  // One per HTTP request, shared by its batched procedures (requestMemo, server/tenancy/tenant.ts).
  const memo = new Map<string, Promise<unknown>>();
  return { db, session, headers: opts.headers, requestId: opts.requestId ?? randomUUID(), logFields, memo };
}
/** Test callers build contexts by hand and may leave the request id and the memo out. */
export type TRPCContext = Omit<Awaited<ReturnType<typeof createTRPCContext>>, "requestId" | "logFields" | "memo"> & {
  requestId?: string;
  logFields?: { customerId?: string };
  memo?: Map<string, Promise<unknown>>;
};

/** The request log line names the customer a call acted on (set by the rungs that mint the tenant). */
function noteTenant(ctx: TRPCContext, tenant: string) {
  if (ctx.logFields) ctx.logFields.customerId = tenant;
}

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

/** One structured log line and one histogram sample per procedure call: who, which tenant, how long, outcome. */
const observe = t.middleware(async ({ ctx, path, type, next }) => {
  const started = performance.now();
  const result = await next();
  const seconds = (performance.now() - started) / 1000;
  const outcome = result.ok ? "ok" : result.error.code;
  metrics.requests.observe({ procedure: path, outcome }, seconds);
  const fields = {
    requestId: ctx.requestId,
    procedure: path,
    type,
    userId: ctx.session?.user.id ?? null,
    customerId: ctx.logFields?.customerId ?? null,
    ms: Math.round(seconds * 1000),
    outcome,
  };
  // A failure's cause is already logged under its reference (mapDomainErrors); this line carries the reference.
  if (result.ok) log.info(fields, "procedure");
  else if (result.error.code === "INTERNAL_SERVER_ERROR")
    log.error({ ...fields, message: result.error.message }, "procedure");
  else log.info({ ...fields, message: result.error.message }, "procedure");
  return result;
});

const ROLLBACK = Symbol("rollback");

/**
 * Every procedure runs in one transaction as the database role `wk_app` (server/tenancy/scope.ts): row-level
 * security then shows it only what the rungs below put in scope (nothing, for a public procedure). `ctx.db` is that
 * transaction; a service's own `ctx.db.transaction` is a savepoint in it; after-commit work waits for COMMIT. A
 * failed procedure rolls the whole transaction back.
 */
const inAppTransaction = t.middleware(async ({ ctx, next }) => {
  let result: Awaited<ReturnType<typeof next>> | undefined;
  try {
    await runAsApp(
      ctx.db,
      async (tx) => {
        result = await next({ ctx: { db: tx } });
        if (!result.ok) throw ROLLBACK;
      },
      ctx.session?.user.id,
    );
  } catch (e) {
    if (e !== ROLLBACK) throw e;
  }
  return result!;
});

/**
 * A change made through the API forgets the staff pages' shared reads it can move (server/tenancy/shared-read.ts)
 * once its transaction has committed, so its maker and everyone else on this instance see it on their next read.
 */
const forgetSharedOnChange = t.middleware(async ({ type, path, next }) => {
  const result = await next();
  // By the change's router: casework leaves the reads kept on it (server/tenancy/shared-read.ts, `CASEWORK`).
  if (type === "mutation" && result.ok) forgetSharedReads(path.split(".")[0]);
  return result;
});

export const publicProcedure = t.procedure
  .use(observe)
  .use(mapDomainErrors)
  .use(forgetSharedOnChange)
  .use(inAppTransaction);

/**
 * Signed out, holding an invitation link: the token is the credential, and it may speak for the provider (staff
 * invitations) or for a customer not known before the token is read, so the database scope is `system`. Only the
 * invitation router uses this.
 */
export const invitationTokenProcedure = publicProcedure.use(async ({ ctx, next }) => {
  await setSystemScope(ctx.db);
  return next();
});

export const protectedProcedure = publicProcedure.use(async ({ ctx, next }) => {
  if (!ctx.session) throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in to continue." });
  // app.user_id was set with the role when the transaction opened (runAsApp).
  const { user } = ctx.session;
  return next({ ctx: { session: ctx.session, user: { id: user.id, name: user.name, email: user.email } } });
});

export const staffProcedure = protectedProcedure.use(async ({ ctx, next }) => {
  const m = await enterMembershipScope(ctx.db, ctx.user.id, "staff", STAFF_ROLES);
  const role = STAFF_ROLES.find((r) => r === m?.role);
  if (!m || m.customerId !== null || !role) {
    throw new TRPCError({ code: "FORBIDDEN", message: "This is for provider staff only." });
  }
  if (env.STAFF_2FA === "required" && !ctx.session.user.twoFactorEnabled) {
    throw new TRPCError({ code: "FORBIDDEN", message: "Set up two-factor authentication before using the console." });
  }
  const actor: Extract<Actor, { side: "staff" }> = { side: "staff", role };
  return next({ ctx: { actor } });
});

export const customerProcedure = protectedProcedure.use(async ({ ctx, next }) => {
  const m = await enterMembershipScope(ctx.db, ctx.user.id, "customer", CUSTOMER_ROLES);
  const role = CUSTOMER_ROLES.find((r) => r === m?.role);
  if (!m || m.customerId === null || !role || m.customerStatus !== "active") {
    throw new TRPCError({ code: "FORBIDDEN", message: "This is for customer users only." });
  }
  const actor: Actor = { side: "customer", role };
  const tenant = mintTenantId(m.customerId);
  noteTenant(ctx, tenant);
  return next({ ctx: { actor, tenant } });
});

/** Staff acting on one customer named in the input; the customer is checked to exist. */
export const staffCustomerProcedure = staffProcedure
  .input(z.object({ customerId: z.uuid() }))
  .use(async ({ ctx, input, next }) => {
    if (!(await customerExists(ctx.db, input.customerId))) {
      throw new TRPCError({ code: "NOT_FOUND", message: "No such customer." });
    }
    noteTenant(ctx, input.customerId);
    return next({ ctx: { tenant: mintTenantId(input.customerId) } });
  });

/** Staff acting on one incident: the tenant is the incident's own customer. */
export const staffIncidentProcedure = staffProcedure
  .input(z.object({ incidentId: z.uuid() }))
  .use(async ({ ctx, input, next }) => {
    const customerId = await findIncidentCustomerId(ctx.db, input.incidentId);
    if (!customerId) throw new TRPCError({ code: "NOT_FOUND", message: "No such incident." });
    noteTenant(ctx, customerId);
    return next({ ctx: { tenant: mintTenantId(customerId) } });
  });
