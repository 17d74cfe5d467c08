import { describe, expect, it } from "vitest";
import { type AlertRow, alertRowParts, alertRowsText, joinRowParts, RAW_SEPARATOR } from "./row-json";

const row = (k: number): AlertRow => ({
  customer_id: "c",
  sensor_id: "s",
  api_key_id: "a",
  source: "ocsf",
  dedup_key: `k${k}`,
  vendor_alert_id: null,
  vendor_status: null,
  product: null,
  title: `title, "quoted" [${k}] – ü`,
  description: k % 2 ? null : "a,b],[c",
  severity: 3,
  vendor_severity: null,
  event_time: new Date(1_700_000_000_000 + k),
  original_event_time: null,
  clock_skew: false,
  vendor_created_at: null,
  received_at: new Date(1_700_000_000_000),
  last_seen_at: new Date(1_700_000_000_000),
  occurrences: 1,
  techniques: ["T1059.001"],
  tactics: [],
  entities: { hosts: [{ name: `h${k}` }] },
  truncated: [],
});
const rows = [0, 1, 2, 3, 4, 5].map((k) => ({ row: row(k), rawJson: JSON.stringify({ k, s: "x,y]\u00e9", n: [k] }) }));

describe("alertRowParts / joinRowParts", () => {
  it("gives back any ascending subset of the rows and their raw payloads, position for position", () => {
    const parts = alertRowParts(rows);
    expect(parts.text).toEqual(alertRowsText(rows));
    for (const pick of [[0], [5], [1, 3], [0, 2, 4, 5], [0, 1, 2, 3, 4]]) {
      const t = joinRowParts(parts, pick);
      expect(JSON.parse(t.rows)).toEqual(pick.map((i) => JSON.parse(JSON.stringify(rows[i]!.row))));
      expect(t.raws.split(RAW_SEPARATOR)).toEqual(pick.map((i) => rows[i]!.rawJson));
    }
  });

  it("hands back the texts as built when every row is picked", () => {
    const parts = alertRowParts(rows);
    expect(joinRowParts(parts, [0, 1, 2, 3, 4, 5])).toBe(parts.text);
  });

  it("refuses a raw payload holding the separator", () => {
    expect(() => alertRowParts([{ row: row(0), rawJson: `"a${RAW_SEPARATOR}b"` }])).toThrow(/U\+001E/);
  });
});
