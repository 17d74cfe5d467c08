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
      "Every SLA target was met (100 %).",
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
      "87.5 % of SLA targets were met; 2 targets missed.",
      "1 item is waiting on your team.",
    ]);
  });
});
