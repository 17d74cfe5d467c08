import { describe, expect, it } from "vitest";
import { applyOverrides, dutySpans, onDutyAt } from "./changes";
import type { ShiftInstance } from "./expand";

const H = 3_600_000;
const T0 = new Date("2026-06-01T07:00:00Z").getTime();
const inst = (teamId: string, date: string, start: number, end: number, members: string[]): ShiftInstance => ({
  rosterId: "r",
  teamId,
  slotId: "s",
  date,
  start,
  end,
  members,
});

describe("overrides and time off", () => {
  const a = inst("A", "2026-06-01", T0, T0 + 12 * H, ["ann", "bob"]);
  const b = inst("B", "2026-06-01", T0 + 11 * H, T0 + 24 * H, ["cat"]);

  it("puts the members of the instance containing t on duty, [start, end)", () => {
    expect(onDutyAt([a, b], [], T0)).toEqual(["ann", "bob"]);
    expect(onDutyAt([a, b], [], T0 + 12 * H)).toEqual(["cat"]);
    expect(onDutyAt([a, b], [], T0 - 1)).toEqual([]);
  });

  it("counts a person in two overlapping instances once (handover overlap)", () => {
    const both = inst("B", "2026-06-01", T0 + 11 * H, T0 + 24 * H, ["ann"]);
    expect(onDutyAt([a, both], [], T0 + 11.5 * H)).toEqual(["ann", "bob"]);
    const spans = dutySpans([a, both], []).filter((s) => s.userId === "ann");
    expect(spans).toEqual([{ userId: "ann", start: T0, end: T0 + 24 * H }]);
  });

  it("applies replace, add and remove on one instance in the order made", () => {
    const [x] = applyOverrides(
      [a],
      [
        { kind: "replace", teamId: "A", date: "2026-06-01", slotId: "s", userId: "ann", replacementId: "dan" },
        { kind: "add", teamId: "A", date: "2026-06-01", slotId: "s", replacementId: "eve" },
        { kind: "remove", teamId: "A", date: "2026-06-01", slotId: "s", userId: "bob" },
        { kind: "replace", teamId: "A", date: "2026-06-01", slotId: "s", userId: "nobody", replacementId: "zed" },
      ],
    );
    expect(x!.members).toEqual(["dan", "eve"]);
    // Another date's instance is untouched.
    const other = inst("A", "2026-06-02", T0 + 24 * H, T0 + 36 * H, ["ann"]);
    expect(
      applyOverrides([other], [{ kind: "remove", teamId: "A", date: "2026-06-01", slotId: "s", userId: "ann" }])[0]!
        .members,
    ).toEqual(["ann"]);
  });

  it("keeps anyone on time off off duty, even when assigned or brought in by an override", () => {
    const off = [{ userId: "ann", from: T0 + 2 * H, to: T0 + 4 * H }];
    expect(onDutyAt([a], off, T0 + 3 * H)).toEqual(["bob"]);
    expect(onDutyAt([a], off, T0 + 4 * H)).toEqual(["ann", "bob"]);
    const [x] = applyOverrides(
      [a],
      [{ kind: "add", teamId: "A", date: "2026-06-01", slotId: "s", replacementId: "eve" }],
    );
    expect(onDutyAt([x!], [{ userId: "eve", from: 0, to: T0 + 100 * H }], T0 + 1)).toEqual(["ann", "bob"]);
    expect(dutySpans([a], off).filter((s) => s.userId === "ann")).toEqual([
      { userId: "ann", start: T0, end: T0 + 2 * H },
      { userId: "ann", start: T0 + 4 * H, end: T0 + 12 * H },
    ]);
  });
});
