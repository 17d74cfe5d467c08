import { describe, expect, it } from "vitest";
import type { Calendar } from "@/server/sla/calendar";
import type { DutySpan } from "./changes";
import type { CustomerDemand, Staff } from "./demand";
import { computeGaps, type GapInput } from "./gaps";

const t = (s: string) => new Date(s).getTime();
const office: Calendar = {
  kind: "business",
  timeZone: "Europe/Berlin",
  weekdays: { 1: [{ start: "08:00", end: "18:00" }], 2: [{ start: "08:00", end: "18:00" }] },
  holidays: [],
};
const demand = (over: Partial<CustomerDemand>): CustomerDemand => ({
  customerId: "c1",
  customerName: "Acme",
  calendar: { kind: "24x7" },
  from: 0,
  to: 8.64e15,
  tier: "mdr",
  extraSkills: [],
  languages: [],
  critical: false,
  ...over,
});
const staff = (userId: string, level: number, skills: string[], languages: string[] = []): Staff => ({
  userId,
  level,
  skills,
  languages,
});
const zero = new Array(168).fill(0);
const run = (x: Partial<GapInput>) =>
  computeGaps({
    from: t("2026-06-01T00:00:00Z"),
    to: t("2026-06-02T00:00:00Z"),
    duty: [],
    staff: new Map(),
    demands: [],
    forecast: zero,
    policy: { minOnDuty: 2 },
    ...x,
  });

describe("gaps", () => {
  it("opens a gap exactly when a business-hours customer's window opens (Monday 08:00 Berlin = 06:00Z)", () => {
    const people = [staff("a", 2, ["endpoint"])];
    const duty: DutySpan[] = [{ userId: "a", start: t("2026-06-01T00:00:00Z"), end: t("2026-06-02T00:00:00Z") }];
    const { gaps } = run({
      duty,
      staff: new Map(people.map((p) => [p.userId, p])),
      demands: [demand({ calendar: office })],
    });
    expect(gaps).toEqual([
      {
        start: t("2026-06-01T06:00:00Z"),
        end: t("2026-06-01T16:00:00Z"),
        reasons: ["headcount"],
        customers: [{ id: "c1", name: "Acme" }],
      },
    ]);
  });

  it("opens a gap at the handover when the only holder of a skill leaves, and merges touching reasons", () => {
    const people = [staff("a", 2, ["endpoint", "network"]), staff("b", 2, ["endpoint"]), staff("c", 1, ["endpoint"])];
    const handover = t("2026-06-01T17:00:00Z");
    const duty: DutySpan[] = [
      { userId: "a", start: t("2026-06-01T05:00:00Z"), end: handover },
      { userId: "b", start: t("2026-06-01T00:00:00Z"), end: t("2026-06-02T00:00:00Z") },
      { userId: "c", start: handover, end: t("2026-06-01T20:00:00Z") },
    ];
    const { gaps } = run({
      duty,
      staff: new Map(people.map((p) => [p.userId, p])),
      demands: [demand({ tier: "mxdr", critical: true })],
    });
    // Before 05:00 one person only (headcount) and no network/cloud; cloud is missing all day.
    expect(gaps).toHaveLength(1);
    expect(gaps[0]!.start).toBe(t("2026-06-01T00:00:00Z"));
    expect(gaps[0]!.end).toBe(t("2026-06-02T00:00:00Z"));
    expect(gaps[0]!.reasons).toEqual(["headcount", "skill:cloud", "skill:network"]);
    const cloudless = run({
      duty,
      staff: new Map(people.map((p) => [p.userId, p])),
      demands: [demand({ tier: "mndr" })],
      from: t("2026-06-01T06:00:00Z"),
    }).gaps;
    // 17:00–20:00 only the network skill is missing, 20:00 on also headcount: touching spans are one gap.
    expect(cloudless.map((g) => [g.start, g.end, g.reasons])).toEqual([
      [handover, t("2026-06-02T00:00:00Z"), ["headcount", "skill:network"]],
    ]);
  });

  it("needs a senior analyst while a customer with a critical acknowledge target is in coverage", () => {
    const people = [staff("a", 1, ["endpoint"]), staff("b", 1, ["endpoint"])];
    const duty: DutySpan[] = people.map((p) => ({ userId: p.userId, start: 0, end: 8.64e15 }));
    const m = new Map(people.map((p) => [p.userId, p]));
    expect(run({ duty, staff: m, demands: [demand({})] }).gaps).toEqual([]);
    expect(run({ duty, staff: m, demands: [demand({ critical: true })] }).gaps[0]!.reasons).toEqual(["seniority"]);
  });

  it("requires a contract's language and extra skills", () => {
    const people = [staff("a", 3, ["endpoint", "identity"], ["de"]), staff("b", 1, ["endpoint"])];
    const duty: DutySpan[] = people.map((p) => ({ userId: p.userId, start: 0, end: 8.64e15 }));
    const m = new Map(people.map((p) => [p.userId, p]));
    expect(run({ duty, staff: m, demands: [demand({ languages: ["de"], extraSkills: ["identity"] })] }).gaps).toEqual(
      [],
    );
    expect(run({ duty, staff: m, demands: [demand({ languages: ["ja"] })] }).gaps[0]!.reasons).toEqual(["language:ja"]);
  });

  it("applies the forecast per UTC hour even with no customer in coverage, and clips to the range", () => {
    const forecast = [...zero];
    forecast[3] = 1; // Monday 03:00–04:00 UTC
    const { gaps, hours } = run({ forecast, from: t("2026-06-01T03:30:00Z") });
    expect(gaps).toEqual([
      { start: t("2026-06-01T03:30:00Z"), end: t("2026-06-01T04:00:00Z"), reasons: ["headcount"], customers: [] },
    ]);
    expect(hours[0]).toEqual({ start: t("2026-06-01T03:00:00Z"), onDuty: 0, required: 1, gap: true });
    expect(hours[1]!.required).toBe(0);
  });

  it("lists every customer in coverage at some instant of the gap, and only those", () => {
    const { gaps } = run({
      demands: [
        demand({ calendar: office }),
        demand({ customerId: "c2", customerName: "Beta", from: t("2026-06-03T00:00:00Z") }),
      ],
    });
    expect(gaps.map((g) => g.customers.map((c) => c.name))).toEqual([["Acme"]]);
  });
});
