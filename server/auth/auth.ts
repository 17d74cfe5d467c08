import { betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { APIError, createAuthMiddleware, getSessionFromCtx } from "better-auth/api";
import { nextCookies } from "better-auth/next-js";
import { twoFactor } from "better-auth/plugins/two-factor";
import { createElement } from "react";
import { lazyDb } from "@/db";
import { account, rateLimit, session, twoFactor as twoFactorTable, user, verification } from "@/db/schema";
import PasswordResetEmail from "@/emails/password-reset";
import { deliverQueued, sendEmail } from "@/server/email/send";
import { env } from "@/server/env";
import { getBranding } from "@/server/provider/queries";
import { authLimitsOn, countAttempt, refuseLocked } from "@/server/security/auth-attempts";
import { CLIENT_ADDRESS_HEADER } from "@/server/security/client-address";
import { findMembership } from "@/server/tenancy/queries";

const RESET_MINUTES = 60;

export const auth = betterAuth({
  appName: "Watchkeeper",
  baseURL: env.BETTER_AUTH_URL,
  secret: env.BETTER_AUTH_SECRET,
  database: drizzleAdapter(lazyDb, {
    provider: "pg",
    schema: { user, session, account, verification, twoFactor: twoFactorTable, rateLimit },
  }),
  emailAndPassword: {
    enabled: true,
    // Accounts come from invitations (server/users) and the admin CLI, never from open sign-up.
    disableSignUp: true,
    minPasswordLength: 10,
    maxPasswordLength: 128,
    resetPasswordTokenExpiresIn: RESET_MINUTES * 60,
    revokeSessionsOnPasswordReset: true,
    sendResetPassword: async ({ user: u, url }) => {
      const branding = await getBranding(lazyDb);
      const id = await sendEmail(lazyDb, {
        to: u.email,
        subject: "Reset your Watchkeeper password",
        template: "password-reset",
        element: createElement(PasswordResetEmail, {
          branding,
          name: u.name,
          resetUrl: url,
          validMinutes: RESET_MINUTES,
        }),
      });
      await deliverQueued(lazyDb, [id]);
    },
  },
  session: {
    expiresIn: env.SESSION_HOURS * 3600,
    updateAge: 3600,
  },
  advanced: {
    // Only the header the server itself sets from the socket and TRUSTED_PROXIES (server/security/client-address.ts);
    // a client-sent X-Forwarded-For never reaches a limit.
    ipAddress: { ipAddressHeaders: [CLIENT_ADDRESS_HEADER] },
  },
  // Requests per client address: a flood guard that counts successes too, so it is generous; failed attempts are
  // limited per account and per address by server/security (hooks below), where successes do not count.
  rateLimit: {
    enabled: authLimitsOn,
    storage: "database",
    window: 60,
    max: 120,
    customRules: {
      "/sign-in/email": { window: 60, max: 60 },
      "/two-factor/verify-totp": { window: 60, max: 8 },
      "/two-factor/verify-backup-code": { window: 60, max: 8 },
      "/two-factor/verify-otp": { window: 60, max: 8 },
      "/request-password-reset": { window: 300, max: 5 },
      "/reset-password": { window: 60, max: 10 },
    },
  },
  hooks: {
    // Provider staff must keep two-factor on while the deployment requires it.
    before: createAuthMiddleware(async (ctx) => {
      await refuseLocked(ctx);
      if (ctx.path !== "/two-factor/disable" || env.STAFF_2FA !== "required") return;
      const session = await getSessionFromCtx(ctx);
      if (!session) return;
      const m = await findMembership(lazyDb, session.user.id);
      if (m && m.customerId === null) {
        throw new APIError("FORBIDDEN", { message: "Provider staff must keep two-factor authentication on." });
      }
    }),
    after: createAuthMiddleware(countAttempt),
  },
  plugins: [
    // better-auth's own per-account lock on wrong codes, stated here to match the sign-in lockout (server/security
    // adds the notice e-mail and the per-address count).
    twoFactor({
      issuer: "Watchkeeper",
      accountLockout: { enabled: true, maxFailedAttempts: 10, durationSeconds: 900 },
    }),
    nextCookies(),
  ],
});

export type Session = typeof auth.$Infer.Session;
