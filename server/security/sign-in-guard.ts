import { createElement } from "react";
import type { Db } from "@/db";
import SignInLockedEmail from "@/emails/sign-in-locked";
import { deliverQueued, sendEmail } from "@/server/email/send";
import { env } from "@/server/env";
import { log } from "@/server/log";
import { getBranding } from "@/server/provider/queries";
import { ACCOUNT_POLICY, ADDRESS_POLICY, afterFailure, isLocked, minutesLeft } from "./lockout";
import { clearFailures, findFailures, lockFailureRow, saveFailures } from "./queries";

/**
 * Failed-attempt limits for sign-in and two-factor, on the account and on the client address. better-auth's own
 * per-address request limits stay in front as a flood guard; this counts failures only.
 */
export type Attempt = {
  /** "signin:<e-mail>" or "2fa:<user id>". */
  account: string | null;
  address: string | null;
  /** Whom to tell when the account locks. */
  holder?: { email: string; name: string } | null;
};

const addressKey = (a: string) => `ip:${a}`;

/** A refusal message when the account or the address is locked, else null. */
export async function refusal(db: Db, a: Attempt, now: Date): Promise<string | null> {
  const keys = [a.account, a.address ? addressKey(a.address) : null].filter((k): k is string => Boolean(k));
  const rows = await findFailures(db, keys);
  const acct = a.account ? (rows.get(a.account) ?? null) : null;
  if (acct && isLocked(acct, now)) {
    return `Too many failed attempts for this account. Try again in ${minutesLeft(acct, now)} minutes, or reset your password.`;
  }
  const addr = a.address ? (rows.get(addressKey(a.address)) ?? null) : null;
  if (addr && isLocked(addr, now)) {
    return `Too many failed attempts from your network. Try again in ${minutesLeft(addr, now)} minutes.`;
  }
  return null;
}

/** Counts one failure; when it locks the account, tells the holder once (after commit). */
export async function recordFailure(db: Db, a: Attempt, now: Date) {
  const notify = await db.transaction(async (tx) => {
    let lockedNow = false;
    if (a.account) {
      const r = afterFailure(await lockFailureRow(tx, a.account, now), now, ACCOUNT_POLICY);
      await saveFailures(tx, a.account, r.next);
      lockedNow = r.locked;
    }
    if (a.address) {
      const key = addressKey(a.address);
      const r = afterFailure(await lockFailureRow(tx, key, now), now, ADDRESS_POLICY);
      await saveFailures(tx, key, r.next);
      if (r.locked) log.warn({ address: a.address }, "sign-in failures: client address locked");
    }
    if (!lockedNow) return null;
    log.warn({ account: a.account }, "sign-in failures: account locked");
    if (!a.holder) return null;
    return sendEmail(tx, {
      to: a.holder.email,
      subject: "Sign-in to your Watchkeeper account is paused",
      template: "sign-in-locked",
      element: createElement(SignInLockedEmail, {
        branding: await getBranding(tx),
        name: a.holder.name,
        failures: ACCOUNT_POLICY.max,
        lockedMinutes: ACCOUNT_POLICY.lockMs / 60_000,
        resetUrl: new URL("/forgot-password", env.BETTER_AUTH_URL).toString(),
      }),
    });
  });
  if (notify) await deliverQueued(db, [notify]);
}

/** A success clears the account's count (not the address's: a neighbour's success says nothing about an attacker). */
export async function recordSuccess(db: Db, account: string) {
  await clearFailures(db, account);
}
