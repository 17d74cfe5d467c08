import type { RecStatus } from "@/server/recommendations/lifecycle";

/** The status filter as it appears in the URL; empty = what still needs doing (open and accepted). */
export const STATUS_FILTERS: { value: string; label: string; statuses?: RecStatus[] }[] = [
  { value: "", label: "To do", statuses: ["open", "accepted"] },
  { value: "risk_accepted", label: "Risk accepted", statuses: ["risk_accepted"] },
  { value: "done", label: "Done", statuses: ["done"] },
  { value: "all", label: "All" },
];

export function statusInput(value: string) {
  const f = STATUS_FILTERS.find((x) => x.value === value) ?? STATUS_FILTERS[0]!;
  return f.statuses ? { status: f.statuses } : {};
}
