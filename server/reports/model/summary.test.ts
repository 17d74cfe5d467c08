import { describe, expect, it } from "vitest";
import { executiveSummary } from "./summary";

const base = {
  customerName: "Halvorsen Logistics",
  monthLabel: "October 2026",
  alertsReceived: 412,
  alertsEscalated: 9,
  incidents: [],
  attainment: null,
  breaches: 0,
  waitingOnCustomer: 0,
};

describe("executiveSummary", () => {
  it("says two critical incidents were both contained within SLA", () => {
    const s = executiveSummary({
      ...base,
      incidents: [
        { severity: 5, contained: true, containedInSla: true },
        { severity: 5, contained: true, containedInSla: true },
        { severity: 3, contained: false, containedInSla: null },
      ],
      attainment: 1,
    });
    expect(s).toEqual([
      "In October 2026 we received 412 alerts from your sensors; 9 alerts became part of an incident.",
      "We opened 3 incidents with you.",
      "All 2 critical incidents were contained within the SLA.",
      "Every SLA target was met (100\u00a0%).",
    ]);
  });

  it("is honest about misses and open questions, and quiet months", () => {
    const s = executiveSummary({
      ...base,
      alertsReceived: 0,
      alertsEscalated: 0,
      incidents: [{ severity: 4, contained: true, containedInSla: false }],
      attainment: 0.8752,
      breaches: 2,
      waitingOnCustomer: 1,
    });
    expect(s).toEqual([
      "No alerts were received from Halvorsen Logistics's sensors in October 2026.",
      "We opened 1 incident with you.",
      "1 high-severity incident: 1 contained, 0 within the SLA.",
      "87.5\u00a0% of SLA targets were met; 2 targets missed.",
      "1 item is waiting on your team.",
    ]);
  });

  it("mentions the posture score, its change and its biggest movers", () => {
    const movers = [
      { label: "Exposure", change: -8 },
      { label: "Threats", change: 12.4 },
    ];
    const s = executiveSummary({ ...base, posture: { score: 71, band: "fair", previousScore: 75, movers } });
    expect(s[1]).toBe("Your posture score is 71 of 100 (fair), down 4 from 75 last month.");
    expect(s[2]).toBe("It moved most on exposure (−8) and threats (+12).");
    const same = executiveSummary({ ...base, posture: { score: 80, band: "good", previousScore: 80, movers: [] } });
    expect(same[1]).toBe("Your posture score is 80 of 100 (good), unchanged from last month.");
    expect(same[2]).toBe("No incidents were opened with you this month.");
  });
});
