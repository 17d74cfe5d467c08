import { APIError, type createAuthMiddleware, getIP, isAPIError } from "better-auth/api";
import { lazyDb } from "@/db";
import { env } from "@/server/env";
import { type Attempt, recordFailure, recordSuccess, refusal } from "./sign-in-guard";

type HookCtx = Parameters<Parameters<typeof createAuthMiddleware>[0]>[0];

/** Sign-in limits are on everywhere but in tests that are not about them. */
export const authLimitsOn = env.AUTH_LIMITS ? env.AUTH_LIMITS === "on" : env.NODE_ENV !== "test";

const SIGN_IN = "/sign-in/email";
const SECOND_FACTOR = new Set(["/two-factor/verify-totp", "/two-factor/verify-backup-code", "/two-factor/verify-otp"]);

/** The account and address of a sign-in or second-factor attempt; null for any other endpoint. */
async function attemptOf(ctx: HookCtx): Promise<Attempt | null> {
  const path = ctx.path ?? "";
  if (path !== SIGN_IN && !SECOND_FACTOR.has(path)) return null;
  // The same address better-auth's own limiter keys on (the header the server sets from the socket).
  const address = getIP(ctx.request ?? ctx.headers ?? new Headers(), ctx.context.options);
  if (path === SIGN_IN) {
    const raw = (ctx.body as { email?: unknown } | undefined)?.email;
    const email = typeof raw === "string" ? raw.trim().toLowerCase() : null;
    if (!email) return { account: null, address };
    const found = await ctx.context.internalAdapter.findUserByEmail(email);
    return { account: `signin:${email}`, address, holder: found?.user ?? null };
  }
  // The second step knows the account only through the signed cookie the first step set.
  const cookie = await ctx.getSignedCookie(ctx.context.createAuthCookie("two_factor").name, ctx.context.secret);
  const pending = cookie ? await ctx.context.internalAdapter.findVerificationValue(cookie) : null;
  const holder = pending ? await ctx.context.internalAdapter.findUserById(pending.value) : null;
  return { account: holder ? `2fa:${holder.id}` : null, address, holder };
}

/** before: a locked account or address gets 429 without its password or code being looked at. */
export async function refuseLocked(ctx: HookCtx) {
  if (!authLimitsOn) return;
  const attempt = await attemptOf(ctx);
  if (!attempt) return;
  const message = await refusal(lazyDb, attempt, new Date());
  if (message) throw new APIError("TOO_MANY_REQUESTS", { message, code: "TOO_MANY_FAILED_ATTEMPTS" });
}

/** after: a wrong password or code counts against the account and the address; a success clears the account. */
export async function countAttempt(ctx: HookCtx) {
  if (!authLimitsOn) return;
  const returned = ctx.context.returned;
  const failed = isAPIError(returned) && returned.statusCode === 401;
  if (!failed && (isAPIError(returned) || !returned)) return;
  const attempt = await attemptOf(ctx);
  if (!attempt) return;
  if (failed) await recordFailure(lazyDb, attempt, new Date());
  else if (attempt.account) await recordSuccess(lazyDb, attempt.account);
}
