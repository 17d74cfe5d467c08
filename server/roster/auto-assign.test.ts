import { describe, expect, it } from "vitest";
import { chooseAssignee } from "./auto-assign";
import type { Staff } from "./demand";

const s = (userId: string, skills: string[]): Staff => ({ userId, level: 1, skills, languages: [] });
const duty = [s("u3", ["endpoint", "network", "cloud"]), s("u1", ["endpoint"]), s("u2", ["log"])];

describe("chooseAssignee", () => {
  it("takes turns among the on-duty people holding every needed skill, in user-id order", () => {
    expect([0, 1, 2, 3].map((c) => chooseAssignee(duty, ["endpoint"], c))).toEqual(["u1", "u3", "u1", "u3"]);
  });

  it("needs all skills of the tier (MXDR) and returns null when nobody qualifies", () => {
    expect(chooseAssignee(duty, ["cloud", "endpoint", "network"], 7)).toBe("u3");
    expect(chooseAssignee(duty, ["identity"], 0)).toBeNull();
    expect(chooseAssignee([], ["endpoint"], 0)).toBeNull();
  });

  it("treats no needed skill as everyone, and a negative or huge cursor safely", () => {
    expect(chooseAssignee(duty, [], -1)).toBe("u3");
    expect(chooseAssignee(duty, [], 2 ** 31)).toBe(["u1", "u2", "u3"][2 ** 31 % 3]);
  });
});
