import { describe, expect, it } from "vitest";
import type { SensorState } from "./health";
import {
  byNeedForAction,
  CELL_STATES,
  cellState,
  classesOf,
  contractedClasses,
  MATRIX_CLASSES,
  type MatrixClass,
  matrixRow,
  matrixRowFromStates,
} from "./matrix";

describe("coverage matrix (coverage-rules.md)", () => {
  it("decides a cell in the rules' order", () => {
    expect(cellState(false, [])).toBe("none");
    expect(cellState(false, ["retired"])).toBe("none");
    expect(cellState(false, ["silent"])).toBe("extra");
    expect(cellState(false, ["pending"])).toBe("extra");
    expect(cellState(true, [])).toBe("missing");
    expect(cellState(true, ["retired", "retired"])).toBe("missing");
    expect(cellState(true, ["silent", "healthy", "degraded"])).toBe("ok");
    expect(cellState(true, ["silent", "degraded", "pending"])).toBe("degraded");
    expect(cellState(true, ["silent", "pending"])).toBe("silent");
    expect(cellState(true, ["pending"])).toBe("silent");
    expect(cellState(true, ["silent", "retired"])).toBe("silent");
  });

  it("counts an xdr sensor in each class it declares, never in an xdr column", () => {
    expect(classesOf({ sensorClass: "xdr", providesClasses: ["edr", "identity"] })).toEqual(["edr", "identity"]);
    expect(classesOf({ sensorClass: "ndr", providesClasses: [] })).toEqual(["ndr"]);
    const row = matrixRow(
      ["edr", "identity"],
      [
        {
          id: "x",
          classes: classesOf({ sensorClass: "xdr", providesClasses: ["edr", "identity", "cloud"] }),
          state: "healthy",
        },
      ],
    );
    expect(row.cells.edr).toMatchObject({ state: "ok", sensorIds: ["x"] });
    expect(row.cells.identity.state).toBe("ok");
    expect(row.cells.cloud.state).toBe("extra");
    expect(row.cells.ndr.state).toBe("none");
    expect(Object.keys(row.cells)).not.toContain("xdr");
  });

  it("takes the contract's classes instead of the tier default, not added to it", () => {
    expect(contractedClasses({ tier: "mxdr", monitoredClasses: [] })).toEqual(["edr", "ndr", "cloud", "identity"]);
    expect(contractedClasses({ tier: "mxdr", monitoredClasses: ["email"] })).toEqual(["email"]);
    expect(contractedClasses({ tier: "mdr", monitoredClasses: [] })).toEqual(["edr"]);
    expect(contractedClasses({ tier: "mndr", monitoredClasses: [] })).toEqual(["ndr"]);
    expect(contractedClasses({ tier: "mss", monitoredClasses: [] })).toEqual(["siem"]);
    expect(contractedClasses(null)).toEqual([]);
  });

  it("gives coverage as ok ÷ contracted, no data without a contracted class", () => {
    const row = matrixRow(
      ["edr", "ndr", "identity"],
      [
        { id: "a", classes: ["edr"], state: "healthy" },
        { id: "b", classes: ["ndr"], state: "degraded" },
        { id: "c", classes: ["siem"], state: "retired" },
      ],
    );
    expect(row.coverage).toBeCloseTo(1 / 3, 10);
    expect(row.cells.identity.state).toBe("missing");
    expect(row.cells.siem).toMatchObject({ state: "none", sensorIds: [] });
    expect(matrixRow([], [{ id: "a", classes: ["edr"], state: "healthy" }]).coverage).toBeNull();
  });

  it("sorts by what needs action", () => {
    const r = (name: string, contracted: ("edr" | "ndr")[], states: ("healthy" | "degraded" | "silent")[]) => ({
      name,
      row: matrixRow(
        contracted,
        states.map((s, i) => ({ id: `${name}${i}`, classes: [contracted[i] ?? "edr"], state: s })),
      ),
    });
    const rows = [
      r("Alpha", ["edr"], ["healthy"]),
      r("Bravo", ["edr", "ndr"], ["degraded", "healthy"]),
      r("Charlie", ["edr", "ndr"], ["healthy"]),
      r("Delta", ["edr"], ["silent"]),
      r("Echo", [], []),
    ].sort(byNeedForAction);
    expect(rows.map((x) => x.name)).toEqual(["Delta", "Charlie", "Bravo", "Alpha", "Echo"]);
  });
  it("gives the same row from the states present per class as from the sensors", () => {
    const states: SensorState[] = ["pending", "healthy", "degraded", "silent", "retired"];
    // Every subset of states in one class, contracted or not; xdr sensors spread over several classes.
    for (let mask = 0; mask < 32; mask++) {
      const sensors = states
        .filter((_, i) => mask & (1 << i))
        .map((state, i) => ({
          id: `s${i}`,
          classes: (i % 2 ? ["edr", "identity"] : ["edr"]) as MatrixClass[],
          state,
        }));
      for (const contracted of [[], ["edr"], ["edr", "identity", "siem"]] as MatrixClass[][]) {
        const full = matrixRow(contracted, sensors);
        const present = sensors.flatMap((s) => s.classes.map((cls) => ({ cls, state: s.state })));
        const compact = matrixRowFromStates(contracted, present);
        expect(compact.coverage).toBe(full.coverage);
        expect(compact.counts).toEqual(full.counts);
        for (const c of MATRIX_CLASSES) expect(compact.cells[c].state).toBe(full.cells[c].state);
      }
    }
    expect(CELL_STATES).toHaveLength(6);
  });
});
