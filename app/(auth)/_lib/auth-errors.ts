/** Shapes and messages shared by the auth pages (client-safe: no server imports). */

export type AuthClientError = {
  code?: string | undefined;
  message?: string | undefined;
  status: number;
  statusText?: string | undefined;
};

export const NETWORK_ERROR = "We could not reach the server. Check your connection and try again.";

const MESSAGES: Record<string, string> = {
  INVALID_EMAIL_OR_PASSWORD: "The e-mail address or password is not correct.",
  INVALID_PASSWORD: "That password is not correct.",
  INVALID_CODE: "That code is not correct. Codes change every 30 seconds: enter the one your app shows now.",
  INVALID_BACKUP_CODE: "That backup code is not valid, or it has already been used.",
  INVALID_TWO_FACTOR_COOKIE: "This sign-in has timed out, or it was not started. Enter your password again first.",
  TOO_MANY_ATTEMPTS_REQUEST_NEW_CODE: "Too many wrong codes for this sign-in. Enter your password again to start over.",
  ACCOUNT_TEMPORARILY_LOCKED:
    "Two-factor sign-in is locked for a few minutes after repeated wrong codes. Try again later.",
  INVALID_TOKEN: "This link is not valid or has expired.",
  PASSWORD_TOO_SHORT: "Use at least 10 characters.",
  PASSWORD_TOO_LONG: "Use at most 128 characters.",
  TOTP_ALREADY_ENABLED: "Two-factor authentication is already on for your account.",
  TWO_FACTOR_NOT_ENABLED: "Two-factor authentication is not on for your account.",
  TOTP_NOT_ENABLED: "Two-factor authentication is not set up for your account.",
  SESSION_EXPIRED: "Your session has expired. Sign in again.",
  UNAUTHORIZED: "Your session has expired. Sign in again.",
};

/** A calm, specific sentence for an error returned by the better-auth client. */
export function describeAuthError(error: AuthClientError, fallback = "That did not work. Try again."): string {
  if (error.status === 429) return "Too many attempts. Wait a minute, then try again.";
  const known = error.code ? MESSAGES[error.code] : undefined;
  if (known) return known;
  if (error.status === 401) return MESSAGES.UNAUTHORIZED ?? fallback;
  if (error.status >= 500) return "The server could not complete this just now. Try again in a moment.";
  if (error.status === 403 && /origin/i.test(error.message ?? "")) {
    return "This page was opened from an address the server does not trust. Open the site from its usual address.";
  }
  return error.message ? `${error.message.replace(/\.?$/, ".")}` : fallback;
}

/** Only same-origin paths are followed after sign-in; anything else goes to the start page. */
export function safeNextPath(next: string | null | undefined): string {
  if (!next?.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) return "/";
  try {
    const base = "http://same-origin.invalid";
    const url = new URL(next, base);
    if (url.origin !== base) return "/";
    if (url.pathname === "/sign-in" || url.pathname.startsWith("/sign-in/")) return "/";
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return "/";
  }
}

/** The first value of a search parameter. */
export function firstParam(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** Where to go after the two-factor challenge: remembered by the sign-in form for this tab only. */
export const NEXT_STORAGE_KEY = "wk-after-sign-in";

export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 128;

/** Client-side check for a new password and its confirmation; server rules are the same. */
export function checkNewPassword(password: string, confirm: string): { password?: string; confirm?: string } {
  const errors: { password?: string; confirm?: string } = {};
  if (password.length < PASSWORD_MIN) errors.password = `Use at least ${PASSWORD_MIN} characters.`;
  else if (password.length > PASSWORD_MAX) errors.password = `Use at most ${PASSWORD_MAX} characters.`;
  if (!confirm) errors.confirm = "Enter the password again.";
  else if (confirm !== password) errors.confirm = "The two passwords do not match.";
  return errors;
}
