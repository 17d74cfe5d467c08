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
  rateLimit: {
    enabled: env.NODE_ENV !== "test",
    storage: "database",
    window: 60,
    max: 120,
    customRules: {
      "/sign-in/email": { window: 60, max: 8 },
      "/two-factor/verify-totp": { window: 60, max: 8 },
      "/two-factor/verify-backup-code": { window: 60, max: 8 },
      "/request-password-reset": { window: 300, max: 5 },
      "/reset-password": { window: 60, max: 10 },
    },
  },
  hooks: {
    // Provider staff must keep two-factor on while the deployment requires it.
    before: createAuthMiddleware(async (ctx) => {
      if (ctx.path !== "/two-factor/disable" || env.STAFF_2FA !== "required") return;
      const session = await getSessionFromCtx(ctx);
      if (!session) return;
      const m = await findMembership(lazyDb, session.user.id);
      if (m && m.customerId === null) {
        throw new APIError("FORBIDDEN", { message: "Provider staff must keep two-factor authentication on." });
      }
    }),
  },
  plugins: [twoFactor({ issuer: "Watchkeeper" }), nextCookies()],
});

export type Session = typeof auth.$Infer.Session;
