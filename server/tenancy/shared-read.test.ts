import { describe, expect, it } from "vitest";
import { env } from "@/server/env";
import { forgetSharedRead, forgetSharedReads, MAX_ENTRIES, sharedPageRead, sharedRead } from "./shared-read";
import type { ActorContext } from "./tenant";

const staff = { actor: { side: "staff", role: "analyst" } } as ActorContext;
const customer = { actor: { side: "customer", role: "admin" } } as ActorContext;

describe("sharedRead", () => {
  it("shares one read among staff requests until it expires", async () => {
    let reads = 0;
    const read = async () => ++reads;
    expect(await sharedRead(staff, "a", read, 10_000, 1_000)).toBe(1);
    expect(await sharedRead(staff, "a", read, 10_000, 5_000)).toBe(1);
    expect(await sharedRead(staff, "b", read, 10_000, 5_000)).toBe(2);
    expect(await sharedRead(staff, "a", read, 10_000, 11_000)).toBe(3);
  });

  it("never serves a customer's request from it, and reads every time with no lifetime", async () => {
    let reads = 0;
    const read = async () => ++reads;
    await sharedRead(staff, "c", read, 10_000, 1_000);
    expect(await sharedRead(customer, "c", read, 10_000, 1_000)).toBe(2);
    expect(await sharedRead(staff, "c", read, 0, 1_000)).toBe(3);
    expect(await sharedRead(staff, "c", read, 10_000, 1_000)).toBe(1);
  });

  it("reads again after a change forgets it, and after a failed read", async () => {
    let reads = 0;
    await sharedRead(staff, "d", async () => ++reads, 10_000, 1_000);
    forgetSharedRead("d");
    expect(await sharedRead(staff, "d", async () => ++reads, 10_000, 1_000)).toBe(2);
    await expect(sharedRead(staff, "e", async () => Promise.reject(new Error("down")), 10_000, 1_000)).rejects.toThrow(
      "down",
    );
    expect(await sharedRead(staff, "e", async () => "up", 10_000, 1_000)).toBe("up");
  });

  it("forgets every shared read at once after a change", async () => {
    let reads = 0;
    const read = async () => ++reads;
    await sharedRead(staff, "f", read, 10_000, 1_000);
    await sharedRead(staff, "g", read, 10_000, 1_000);
    forgetSharedReads();
    expect(await sharedRead(staff, "f", read, 10_000, 1_000)).toBe(3);
    expect(await sharedRead(staff, "g", read, 10_000, 1_000)).toBe(4);
  });

  it("keys a page read by procedure and input, dates included", async () => {
    forgetSharedReads();
    const lifetime = env.SHARED_READ_SECONDS;
    env.SHARED_READ_SECONDS = 10;
    try {
      let reads = 0;
      const read = async () => ++reads;
      const at = (iso: string) => ({ from: new Date(iso), page: 1 });
      expect(await sharedPageRead(staff, "sla.breaches", at("2026-11-01T00:00:00Z"), read)).toBe(1);
      expect(await sharedPageRead(staff, "sla.breaches", at("2026-11-01T00:00:00Z"), read)).toBe(1);
      expect(await sharedPageRead(staff, "sla.breaches", at("2026-11-02T00:00:00Z"), read)).toBe(2);
      expect(await sharedPageRead(staff, "sla.risk", at("2026-11-01T00:00:00Z"), read)).toBe(3);
      expect(await sharedPageRead(customer, "sla.breaches", at("2026-11-01T00:00:00Z"), read)).toBe(4);
    } finally {
      env.SHARED_READ_SECONDS = lifetime;
      forgetSharedReads();
    }
  });

  it("keeps at most MAX_ENTRIES keys: the expired go first, then the oldest", async () => {
    forgetSharedReads();
    let reads = 0;
    const read = async () => ++reads;
    await sharedRead(staff, "old", read, 1_000, 1_000);
    for (let i = 0; i < MAX_ENTRIES + 20; i++) await sharedRead(staff, `k${i}`, read, 60_000, 2_500);
    // "old" expired at 2,000 and went in the first prune; then the oldest live keys made room.
    const before = reads;
    expect(await sharedRead(staff, `k${MAX_ENTRIES + 19}`, read, 60_000, 3_000)).toBe(before);
    expect(await sharedRead(staff, "k0", read, 60_000, 3_000)).toBe(before + 1);
    forgetSharedReads();
  });
});
