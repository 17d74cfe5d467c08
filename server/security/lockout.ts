/**
 * Counting failed sign-ins: pure rules, `now` passed in. A key (an account or a client address) that fails `max`
 * times within `windowMs` is locked for `lockMs`. Only failures count; a success on an account clears its count.
 */
export type LockoutPolicy = { max: number; windowMs: number; lockMs: number };
export type FailureState = { failures: number; windowStartedAt: Date; lockedUntil: Date | null };

const MIN = 60_000;
/** One account: 10 wrong passwords (or codes) in 15 minutes lock it for 15 minutes. */
export const ACCOUNT_POLICY: LockoutPolicy = { max: 10, windowMs: 15 * MIN, lockMs: 15 * MIN };
/** One client address: 30 failures in 15 minutes (any accounts) stop it for 15 minutes. Successes never count. */
export const ADDRESS_POLICY: LockoutPolicy = { max: 30, windowMs: 15 * MIN, lockMs: 15 * MIN };

export const isLocked = (s: FailureState | null, now: Date) =>
  Boolean(s?.lockedUntil && s.lockedUntil.getTime() > now.getTime());

/** Whole minutes until the lock lifts (at least 1). */
export const minutesLeft = (s: FailureState, now: Date) =>
  Math.max(1, Math.ceil(((s.lockedUntil?.getTime() ?? now.getTime()) - now.getTime()) / MIN));

/** The state after one more failure; `locked` is true only for the failure that starts a lockout. */
export function afterFailure(
  prev: FailureState | null,
  now: Date,
  p: LockoutPolicy,
): { next: FailureState; locked: boolean } {
  if (prev && isLocked(prev, now)) return { next: prev, locked: false };
  const fresh = !prev || prev.lockedUntil !== null || now.getTime() - prev.windowStartedAt.getTime() >= p.windowMs;
  const failures = fresh ? 1 : prev.failures + 1;
  const windowStartedAt = fresh ? now : prev.windowStartedAt;
  const locked = failures >= p.max;
  return {
    next: { failures, windowStartedAt, lockedUntil: locked ? new Date(now.getTime() + p.lockMs) : null },
    locked,
  };
}
