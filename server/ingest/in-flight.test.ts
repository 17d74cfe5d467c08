import { describe, expect, it } from "vitest";
import { holdKeys } from "./in-flight";

describe("holdKeys", () => {
  it("marks busy only the keys an earlier batch of the same customer still holds, until it releases them", () => {
    const a = holdKeys("t1", ["k1", "k2", "k3"]);
    expect([...a.busy]).toEqual([]);
    const b = holdKeys("t1", ["k2", "k4"]);
    expect([...b.busy]).toEqual(["k2"]);
    // Another customer's keys are its own.
    expect([...holdKeys("t2", ["k1"]).busy]).toEqual([]);
    const c = holdKeys("t1", ["k2", "k4", "k5"]);
    expect([...c.busy].sort()).toEqual(["k2", "k4"]);
    a.release();
    // k2 is still held by b and c.
    expect([...holdKeys("t1", ["k1", "k2", "k3"]).busy]).toEqual(["k2"]);
  });

  it("forgets a key when the last batch holding it releases it", () => {
    const a = holdKeys("t3", ["x"]);
    const b = holdKeys("t3", ["x"]);
    expect([...b.busy]).toEqual(["x"]);
    a.release();
    expect([...holdKeys("t3", ["y"]).busy]).toEqual([]);
    b.release();
    const later = holdKeys("t3", ["x"]);
    expect([...later.busy]).toEqual([]);
    later.release();
  });
});
