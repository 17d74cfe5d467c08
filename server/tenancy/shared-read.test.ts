import { describe, expect, it } from "vitest";
import { forgetSharedRead, sharedRead } from "./shared-read";
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
});
