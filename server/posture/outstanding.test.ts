import { describe, expect, it } from "vitest";
import { outstandingAt } from "./outstanding";

const t = (iso: string) => new Date(iso);
describe("outstanding recommendations at a period end", () => {
  const h = [
    { id: "a", at: t("2026-01-03T00:00:00Z"), to: "open" as const, severity: "medium" as const },
    { id: "b", at: t("2026-01-04T00:00:00Z"), to: "open" as const, severity: "low" as const },
    { id: "a", at: t("2026-01-10T00:00:00Z"), to: null, severity: "high" as const },
    { id: "b", at: t("2026-01-20T00:00:00Z"), to: "accepted" as const, severity: "low" as const },
    { id: "b", at: t("2026-02-01T00:00:00Z"), to: "done" as const, severity: "low" as const },
    { id: "a", at: t("2026-02-05T00:00:00Z"), to: "risk_accepted" as const, severity: "high" as const },
  ];
  it("replays status and severity; a change exactly at the end belongs to the next period", () => {
    expect(outstandingAt(h, t("2026-01-01T00:00:00Z"))).toEqual([]);
    expect(outstandingAt(h, t("2026-01-05T00:00:00Z"))).toEqual(["medium", "low"]);
    expect(outstandingAt(h, t("2026-02-01T00:00:00Z"))).toEqual(["high", "low"]);
    expect(outstandingAt(h, t("2026-03-01T00:00:00Z"))).toEqual([]);
  });
});
