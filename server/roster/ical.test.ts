import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { buildFeed, type FeedShift, shiftSequence } from "./ical";

const shift = (over: Partial<FeedShift> = {}): FeedShift => ({
  rosterId: "r1",
  teamId: "t1",
  date: "2026-03-28",
  slotId: "night",
  userId: "u_1",
  start: Date.parse("2026-03-28T18:00:00Z"),
  end: Date.parse("2026-03-29T05:00:00Z"),
  summary: "Night shift (Berlin)",
  description: "Team A",
  sequence: 0,
  ...over,
});

function parse(text: string) {
  const comp = new ICAL.Component(ICAL.parse(text));
  return comp.getAllSubcomponents("vevent").map((v) => {
    const e = new ICAL.Event(v);
    return {
      uid: e.uid,
      sequence: e.sequence,
      start: e.startDate.toJSDate().toISOString(),
      end: e.endDate.toJSDate().toISOString(),
      utc: e.startDate.zone?.tzid === "UTC",
      summary: e.summary,
    };
  });
}

describe("iCal feed", () => {
  it("parses back with a stable UID, UTC times and the sequence given", () => {
    const stamp = new Date("2026-03-01T00:00:00Z");
    const a = buildFeed("My shifts", [shift()], { domain: "wk.test", stamp });
    const b = buildFeed("My shifts", [shift({ sequence: 2 })], { domain: "wk.test", stamp: new Date() });
    expect(a).toMatch(/^BEGIN:VCALENDAR/);
    expect(a).toContain("DTSTART:20260328T180000Z");
    const [ea] = parse(a);
    const [eb] = parse(b);
    expect(ea).toEqual({
      uid: "shift-r1-t1-2026-03-28-night-u_1@wk.test",
      sequence: 0,
      start: "2026-03-28T18:00:00.000Z",
      end: "2026-03-29T05:00:00.000Z",
      utc: true,
      summary: "Night shift (Berlin)",
    });
    expect(eb!.uid).toBe(ea!.uid);
    expect(eb!.sequence).toBe(2);
  });

  it("bumps SEQUENCE when the roster, an override or the person's time off changes the instance", () => {
    const span = { start: 100, end: 200 };
    expect(shiftSequence(0, [], "k", [], span)).toBe(0);
    expect(
      shiftSequence(
        1,
        ["k", "other", "k"],
        "k",
        [
          { from: 150, to: 300 },
          { from: 200, to: 300 },
        ],
        span,
      ),
    ).toBe(4);
  });
});
