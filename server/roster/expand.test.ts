import { describe, expect, it } from "vitest";
import { cycleDay, expandRoster, localInstant, type Roster, validateRoster } from "./expand";

const H = 3_600_000;
const t = (s: string) => new Date(s).getTime();

/** 4-on-4-off day/night: four teams, L = 16. A: D×4 N×4 off×8; B shifted by 4, C by 8, D by 12. */
function fourOnFourOff(timeZone: string, anchor = "2026-03-01"): Roster {
  const base = ["day", "day", "day", "day", "night", "night", "night", "night", ...Array(8).fill(null)];
  const rot = (k: number) => base.map((_, i) => base[(i - k + 16) % 16] ?? null);
  return {
    id: "r",
    name: "R",
    timeZone,
    anchor,
    cycleLength: 16,
    slots: [
      { id: "day", name: "Day", start: "07:00", end: "19:00" },
      { id: "night", name: "Night", start: "19:00", end: "07:00" },
    ],
    cycle: { A: rot(0), B: rot(4), C: rot(8), D: rot(12) },
    teams: ["A", "B", "C", "D"].map((id) => ({ id, name: id, members: [`${id}1`, `${id}2`] })),
  };
}

describe("cycle arithmetic", () => {
  it("runs in a process whose own zone is unusual", () => {
    expect(process.env.TZ).toBe("Asia/Kathmandu");
  });
  it("counts whole local days from the anchor, also before it", () => {
    expect(cycleDay("2026-03-01", "2026-03-01", 16)).toBe(0);
    expect(cycleDay("2026-03-16", "2026-03-01", 16)).toBe(15);
    expect(cycleDay("2026-03-17", "2026-03-01", 16)).toBe(0);
    expect(cycleDay("2026-02-28", "2026-03-01", 16)).toBe(15);
    expect(cycleDay("2026-02-13", "2026-03-01", 16)).toBe(0);
    expect(cycleDay("2026-02-12", "2026-03-01", 16)).toBe(15);
  });
  it("is not fooled by a 23-hour or 25-hour local day (days, never hours)", () => {
    // Berlin spring-forward 2026-03-29 and fall-back 2026-10-25: 2026-03-30 is day 29, 2026-10-26 day 239.
    expect(cycleDay("2026-03-30", "2026-03-01", 7)).toBe(29 % 7);
    expect(cycleDay("2026-10-26", "2026-03-01", 16)).toBe(239 % 16);
  });
  it("refuses a cycle whose team rows have the wrong length or unknown slots", () => {
    const r = fourOnFourOff("Europe/Berlin");
    expect(validateRoster(r)).toEqual([]);
    expect(validateRoster({ ...r, cycle: { ...r.cycle, A: ["day"] } })[0]).toMatch(
      /Team A: the cycle has 1 days, not 16/,
    );
    expect(validateRoster({ ...r, timeZone: "Mars/Base" })[0]).toMatch(/IANA/);
  });
});

describe("pattern expansion", () => {
  it("gives each local date one day and one night team in 4-on-4-off, starting on their local date", () => {
    const r = fourOnFourOff("Europe/Berlin");
    const xs = expandRoster(r, t("2026-03-03T00:00:00Z"), t("2026-03-04T00:00:00Z"));
    const onThird = xs.filter((x) => x.date === "2026-03-03");
    expect(onThird.map((x) => `${x.teamId}:${x.slotId}`).sort()).toEqual(["A:day", "D:night"]);
    expect(onThird.find((x) => x.slotId === "day")!.start).toBe(t("2026-03-03T06:00:00Z"));
    // The night of the 2nd is still running at midnight UTC of the 3rd: it overlaps the range, so it is included.
    expect(xs.some((x) => x.date === "2026-03-02" && x.slotId === "night")).toBe(true);
  });

  it("works across the anchor date the same as after it", () => {
    const r = fourOnFourOff("Europe/Berlin", "2026-03-01");
    const before = expandRoster(r, t("2026-02-13T12:00:00Z"), t("2026-02-13T13:00:00Z"));
    const after = expandRoster(r, t("2026-03-01T12:00:00Z"), t("2026-03-01T13:00:00Z"));
    expect(before.map((x) => x.teamId)).toEqual(after.map((x) => x.teamId));
    expect(after.map((x) => x.teamId)).toEqual(["A"]);
  });

  it("makes the night over Berlin's spring-forward 11 h and over fall-back 13 h (northern hemisphere)", () => {
    const r = fourOnFourOff("Europe/Berlin");
    const spring = expandRoster(r, t("2026-03-28T20:00:00Z"), t("2026-03-28T21:00:00Z"))[0]!;
    expect(spring.date).toBe("2026-03-28");
    expect(spring.start).toBe(t("2026-03-28T18:00:00Z"));
    expect(spring.end - spring.start).toBe(11 * H);
    const fall = expandRoster(r, t("2026-10-24T20:00:00Z"), t("2026-10-24T21:00:00Z"))[0]!;
    expect(fall.end - fall.start).toBe(13 * H);
  });

  it("makes the night over Sydney's fall-back (April) 13 h and spring-forward (October) 11 h (southern)", () => {
    const r = fourOnFourOff("Australia/Sydney");
    const april = expandRoster(r, t("2026-04-04T10:00:00Z"), t("2026-04-04T11:00:00Z"))[0]!;
    expect(april.date).toBe("2026-04-04");
    expect(april.start).toBe(t("2026-04-04T08:00:00Z"));
    expect(april.end - april.start).toBe(13 * H);
    const oct = expandRoster(r, t("2026-10-03T10:00:00Z"), t("2026-10-03T11:00:00Z"))[0]!;
    expect(oct.end - oct.start).toBe(11 * H);
  });

  it("moves a start inside the spring-forward gap forward by the gap, and takes a repeated time's first occurrence", () => {
    expect(localInstant("2026-03-29", "02:30", "Europe/Berlin")).toBe(t("2026-03-29T01:30:00Z"));
    expect(localInstant("2026-10-25", "02:30", "Europe/Berlin")).toBe(t("2026-10-25T00:30:00Z"));
  });

  it("covers every instant with exactly one team in 4-on-4-off for 90 days, DST included", () => {
    const r = fourOnFourOff("Europe/Berlin");
    const from = t("2026-03-01T06:00:00Z");
    const to = t("2026-05-30T05:00:00Z");
    const xs = expandRoster(r, from, to).filter((x) => x.end > from && x.start < to);
    for (let i = 1; i < xs.length; i++) expect(xs[i]!.start).toBe(xs[i - 1]!.end);
  });

  it("expresses the 2-2-3 Panama cycle (L = 14) and weekdays 08:00–17:00 (L = 7)", () => {
    const panama = ["d", "d", null, null, "d", "d", "d", null, null, "d", "d", null, null, null];
    const r: Roster = {
      id: "p",
      name: "P",
      timeZone: "America/Chicago",
      anchor: "2026-01-05",
      cycleLength: 14,
      slots: [{ id: "d", name: "Day", start: "06:00", end: "18:00" }],
      cycle: { A: panama, B: panama.map((s) => (s ? null : "d")) },
      teams: [
        { id: "A", name: "A", members: ["a"] },
        { id: "B", name: "B", members: ["b"] },
      ],
    };
    const xs = expandRoster(r, t("2026-01-05T00:00:00Z"), t("2026-01-19T00:00:00Z"));
    expect(xs.filter((x) => x.teamId === "A")).toHaveLength(7);
    expect(xs.filter((x) => x.teamId === "B")).toHaveLength(7);
    const office: Roster = {
      ...r,
      cycleLength: 7,
      anchor: "2026-01-05", // a Monday
      slots: [{ id: "o", name: "Office", start: "08:00", end: "17:00" }],
      cycle: { A: ["o", "o", "o", "o", "o", null, null] },
      teams: [{ id: "A", name: "A", members: ["a"] }],
    };
    const week = expandRoster(office, t("2026-03-02T00:00:00Z"), t("2026-03-09T00:00:00Z"));
    expect(week.map((x) => x.date)).toEqual(["2026-03-02", "2026-03-03", "2026-03-04", "2026-03-05", "2026-03-06"]);
    expect(week[0]!.start).toBe(t("2026-03-02T14:00:00Z"));
    // After Chicago's spring-forward (2026-03-08) the office opens at 13:00Z.
    expect(expandRoster(office, t("2026-03-09T00:00:00Z"), t("2026-03-10T00:00:00Z"))[0]!.start).toBe(
      t("2026-03-09T13:00:00Z"),
    );
  });
});
