import { describe, expect, it } from "vitest";
import {
  ATTACK_VERSION,
  groupByTactic,
  knownTechniques,
  parentOf,
  subtechniquesOf,
  tactics,
  tacticsOf,
  technique,
  techniques,
} from "./attack";

describe("ATT&CK dataset", () => {
  it("is Enterprise v18.1 with 14 tactics in matrix order and 691 live techniques", () => {
    expect(ATTACK_VERSION).toBe("18.1");
    expect(tactics).toHaveLength(14);
    expect(tactics[0]!.id).toBe("TA0043");
    expect(tactics[13]!.id).toBe("TA0040");
    expect(techniques).toHaveLength(691);
    expect(techniques.filter((t) => t.isSubtechnique)).toHaveLength(475);
  });

  it("looks up techniques, parents, sub-techniques and tactics", () => {
    expect(technique("t1059.001")?.name).toBe("PowerShell");
    expect(parentOf("T1059.001")?.name).toBe("Command and Scripting Interpreter");
    expect(subtechniquesOf("T1110").map((t) => t.id)).toContain("T1110.001");
    expect(tacticsOf("T1110").map((t) => t.id)).toEqual(["TA0006"]);
  });

  it("keeps only well-formed ids known to the dataset, upper-cased and once each", () => {
    expect(knownTechniques(["t1190", "T1190", "T9999", "CST0001", "T1059.001", "T1059.999", " t1110.001 "])).toEqual([
      "T1190",
      "T1059.001",
      "T1110.001",
    ]);
  });

  it("groups techniques by tactic in matrix order", () => {
    const groups = groupByTactic(["T1110.001", "T1190", "T1059.001"]);
    expect(groups.map((g) => g.tactic.name)).toEqual(["Initial Access", "Execution", "Credential Access"]);
  });
});
