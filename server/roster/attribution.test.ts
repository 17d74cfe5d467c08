import { describe, expect, it } from "vitest";
import { attributeBreaches, countBreaches } from "./attribution";
import { applyOverrides, instancesAt } from "./changes";
import { expandRoster, type Roster } from "./expand";

const t = (s: string) => new Date(s).getTime();
const berlin: Roster = {
  id: "r1",
  name: "Berlin",
  timeZone: "Europe/Berlin",
  anchor: "2026-03-27",
  cycleLength: 1,
  slots: [
    { id: "day", name: "Day", start: "07:00", end: "19:00" },
    { id: "night", name: "Night", start: "19:00", end: "07:00" },
  ],
  cycle: { d: ["day"], n: ["night"] },
  teams: [
    { id: "d", name: "Day team", members: ["ann", "bob"] },
    { id: "n", name: "Night team", members: ["cy"] },
  ],
};
const span = (from: string, to: string) => expandRoster(berlin, t(from), t(to));

describe("attributeBreaches", () => {
  it("names the shift and the people on duty at each breach and counts breaches per shift", () => {
    const inst = span("2026-03-27T00:00:00Z", "2026-03-30T00:00:00Z");
    const off = [{ userId: "bob", from: t("2026-03-27T12:00:00Z"), to: t("2026-03-27T13:00:00Z") }];
    const at = [t("2026-03-27T12:30:00Z"), t("2026-03-27T14:00:00Z"), t("2026-03-27T20:00:00Z")];
    const { perBreach, perShift } = attributeBreaches([berlin], inst, off, at);
    expect(perBreach[0]).toEqual([
      { key: "d|2026-03-27|day", roster: "Berlin", team: "Day team", slot: "Day", date: "2026-03-27", people: ["ann"] },
    ]);
    expect(perBreach[1]![0]!.people).toEqual(["ann", "bob"]);
    expect(perBreach[2]!.map((s) => [s.team, s.date, s.people])).toEqual([["Night team", "2026-03-27", ["cy"]]]);
    expect(perShift.map((s) => [s.shift.key, s.breaches])).toEqual([
      ["d|2026-03-27|day", 2],
      ["n|2026-03-27|night", 1],
    ]);
  });

  it("counts a breach once per roster, also in a handover overlap, and per roster across rosters", () => {
    const overlap: Roster = {
      ...berlin,
      slots: [
        { id: "day", name: "Day", start: "07:00", end: "19:30" },
        { id: "night", name: "Night", start: "19:00", end: "07:30" },
      ],
    };
    const chicago: Roster = { ...berlin, id: "r2", name: "Chicago", timeZone: "America/Chicago" };
    const from = t("2026-03-27T00:00:00Z");
    const to = t("2026-03-28T00:00:00Z");
    const inst = [...expandRoster(overlap, from, to), ...expandRoster(chicago, from, to)];
    // 18:15Z is 19:15 in Berlin (day and night both on) and 13:15 in Chicago (day).
    const { perBreach, perRoster } = attributeBreaches([overlap, chicago], inst, [], [t("2026-03-27T18:15:00Z")]);
    expect(perBreach[0]!.map((s) => `${s.roster} ${s.slot}`).sort()).toEqual([
      "Berlin Day",
      "Berlin Night",
      "Chicago Day",
    ]);
    expect(perRoster).toEqual([
      { rosterId: "r1", roster: "Berlin", breaches: 1 },
      { rosterId: "r2", roster: "Chicago", breaches: 1 },
    ]);
  });

  it("follows the wall clock over the spring-forward night and applies overrides", () => {
    // Night of 2026-03-28 → 29 in Berlin: 19:00 CET (18:00Z) to 07:00 CEST (05:00Z), one hour shorter.
    const inst = applyOverrides(span("2026-03-28T00:00:00Z", "2026-03-30T00:00:00Z"), [
      { kind: "replace", teamId: "n", date: "2026-03-28", slotId: "night", userId: "cy", replacementId: "dee" },
    ]);
    const { perBreach } = attributeBreaches([berlin], inst, [], [t("2026-03-29T04:59:00Z"), t("2026-03-29T05:00:00Z")]);
    expect(perBreach[0]!.map((s) => [s.slot, s.date, s.people])).toEqual([["Night", "2026-03-28", ["dee"]]]);
    expect(perBreach[1]!.map((s) => [s.slot, s.date])).toEqual([["Day", "2026-03-29"]]);
  });

  it("leaves a breach outside every shift unattributed", () => {
    const { perBreach, perShift } = attributeBreaches([berlin], [], [], [t("2026-03-27T12:00:00Z")]);
    expect(perBreach).toEqual([[]]);
    expect(perShift).toEqual([]);
  });

  it("finds, for thousands of instants, the shifts and people instancesAt finds, and counts alike without names", () => {
    const inst = span("2026-03-20T00:00:00Z", "2026-04-05T00:00:00Z"); // across Berlin's spring-forward night
    const off = [
      { userId: "bob", from: t("2026-03-27T12:00:00Z"), to: t("2026-03-28T13:00:00Z") },
      { userId: "cy", from: t("2026-03-29T00:30:00Z"), to: t("2026-03-29T01:30:00Z") },
      { userId: "ann", from: t("2026-03-21T06:59:00Z"), to: t("2026-03-21T07:01:00Z") },
    ];
    const at: number[] = [];
    for (let x = t("2026-03-19T22:00:00Z"); x < t("2026-04-05T02:00:00Z"); x += 7 * 60_000 + 13_000) at.push(x);
    expect(at.length).toBeGreaterThan(3000);
    const full = attributeBreaches([berlin], inst, off, at);
    full.perBreach.forEach((list, k) => {
      const expected = instancesAt(inst, off, at[k]!).map((i) => [
        `${i.teamId}|${i.date}|${i.slotId}`,
        [...i.members].sort(),
      ]);
      expect(list.map((s) => [s.key, s.people])).toEqual(expected);
    });
    expect(countBreaches([berlin], inst, at)).toEqual({ perShift: full.perShift, perRoster: full.perRoster });
  });

  it("counts without names exactly as it attributes: overlapping handovers, several rosters, instants on the edges", () => {
    const overlap: Roster = {
      ...berlin,
      slots: [
        { id: "day", name: "Day", start: "07:00", end: "19:30" },
        { id: "night", name: "Night", start: "19:00", end: "07:30" },
      ],
    };
    const chicago: Roster = {
      ...berlin,
      id: "r2",
      name: "Chicago",
      timeZone: "America/Chicago",
      cycle: { cd: ["day"], cn: ["night"] },
      teams: [
        { id: "cd", name: "Day team", members: ["eve"] },
        { id: "cn", name: "Night team", members: ["fay"] },
      ],
    };
    const from = t("2026-03-20T00:00:00Z");
    const to = t("2026-04-03T00:00:00Z");
    const inst = applyOverrides(
      [...expandRoster(overlap, from, to), ...expandRoster(chicago, from, to)],
      [{ kind: "replace", teamId: "n", date: "2026-03-28", slotId: "night", userId: "cy", replacementId: "dee" }],
    );
    // Every shift's first and last millisecond and its end, the same instant twice, and a spread in between.
    const at = inst.flatMap((i) => [i.start, i.start, i.end - 1, i.end]);
    for (let x = from - 3_600_000; x < to + 3_600_000; x += 17 * 60_000 + 7_000) at.push(x);
    const full = attributeBreaches([overlap, chicago], inst, [], at);
    expect(full.perShift.length).toBeGreaterThan(40);
    expect(countBreaches([overlap, chicago], inst, at)).toEqual({ perShift: full.perShift, perRoster: full.perRoster });
    expect(countBreaches([overlap, chicago], inst, [])).toEqual({ perShift: [], perRoster: [] });
  });
});
