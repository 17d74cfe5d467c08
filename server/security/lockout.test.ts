import { describe, expect, it } from "vitest";
import { ACCOUNT_POLICY, afterFailure, type FailureState, isLocked, minutesLeft } from "./lockout";

const t0 = new Date("2026-03-29T00:55:00Z"); // an hour that crosses the DST change in Europe
const at = (min: number) => new Date(t0.getTime() + min * 60_000);

function fail(n: number, from: FailureState | null, minute = 0) {
  let s = from;
  const locks: number[] = [];
  for (let i = 0; i < n; i++) {
    const r = afterFailure(s, at(minute), ACCOUNT_POLICY);
    if (r.locked) locks.push(i + 1);
    s = r.next;
  }
  return { s: s!, locks };
}

describe("sign-in lockout", () => {
  it("locks on the tenth failure within 15 minutes, once, for 15 minutes", () => {
    const { s, locks } = fail(40, null, 1);
    expect(locks).toEqual([10]);
    expect(isLocked(s, at(15))).toBe(true);
    expect(minutesLeft(s, at(6))).toBe(10);
    expect(isLocked(s, at(16))).toBe(false);
  });
  it("forgets failures older than the window", () => {
    const { s } = fail(9, null, 0);
    const r = afterFailure(s, at(15), ACCOUNT_POLICY);
    expect(r).toMatchObject({ locked: false, next: { failures: 1 } });
  });
  it("starts counting afresh after a lockout ends, and can lock again", () => {
    const first = fail(10, null, 0).s;
    const after = afterFailure(first, at(16), ACCOUNT_POLICY);
    expect(after.next.failures).toBe(1);
    expect(fail(9, after.next, 17).locks).toEqual([9]);
  });
});
