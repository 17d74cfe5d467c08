import { PGlite } from "@electric-sql/pglite";
import { afterAll, describe, expect, it } from "vitest";
import { ALERT_COLUMNS, type AlertRow, alertColumns, arrayLiteral, entitiesAt, RAW_SEPARATOR } from "./alert-rows";
import { sanitize } from "./parse";

const row = (k: number): AlertRow => ({
  sensor_id: "00000000-0000-4000-8000-00000000000a",
  api_key_id: "00000000-0000-4000-8000-00000000000b",
  source: "ocsf",
  dedup_key: `k${k}`,
  vendor_alert_id: k % 3 ? "NULL" : null,
  vendor_status: "{a,b}",
  product: ' "quoted", \\ back\\slash ',
  title: `title, "quoted" [${k}] – ü \u0000 end`,
  description: k % 2 ? null : "a,b],[c\n\ttab",
  severity: 3,
  vendor_severity: "",
  event_time: new Date(1_700_000_000_000 + k),
  original_event_time: null,
  clock_skew: k === 2,
  vendor_created_at: null,
  received_at: new Date(1_700_000_000_000),
  occurrences: k + 1,
  techniques: k ? ["T1059.001", 'odd "one", {x}'] : [],
  tactics: [],
  entities: { hosts: [{ name: `h${k}`, note: 'a "b" \\ c \u0000 \ud800' }] },
  truncated: k === 1 ? ["description"] : [],
});
const rows = [0, 1, 2, 3].map((k) => ({ row: row(k), rawJson: JSON.stringify({ k, s: "x,y]\u00e9", n: [k] }) }));

describe("alertColumns", () => {
  const pg = new PGlite();
  afterAll(() => pg.close());

  it("gives PostgreSQL back every value, row by row, through unnest", async () => {
    const { columns, entities, raws } = alertColumns(rows);
    expect(columns).toHaveLength(ALERT_COLUMNS.length);
    const list = ALERT_COLUMNS.map(([, type], i) => `$${i + 1}::${type}[]`).join(", ");
    const names = ALERT_COLUMNS.map(([name]) => name).join(", ");
    const selected = ALERT_COLUMNS.map(([name, , cast]) => (cast ? `${name}::${cast} as ${name}` : name)).join(", ");
    const n = columns.length;
    const out = await pg.query<Record<string, unknown>>(
      `select ${selected}, entities, raw
       from rows from (unnest(${list}), jsonb_array_elements($${n + 1}::jsonb),
         unnest(string_to_array($${n + 2}::text, chr(30)))) as u(${names}, entities, raw)`,
      [...columns, entities, raws],
    );
    const clean = (s: string) => s.replaceAll("\u0000", "");
    expect(out.rows).toEqual(
      rows.map(({ row: r, rawJson }) => ({
        ...r,
        title: clean(r.title),
        entities: {
          hosts: [{ name: (r.entities as { hosts: { name: string }[] }).hosts[0]!.name, note: 'a "b" \\ c  \ufffd' }],
        },
        raw: rawJson,
      })),
    );
  });

  it("reads any row's entities back from the columns", () => {
    const columns = alertColumns(rows);
    const one = alertColumns(rows.slice(1, 2));
    rows.forEach(({ row: r }, i) => {
      expect(entitiesAt(columns, i)).toEqual(JSON.parse(JSON.stringify(sanitize(r.entities))));
    });
    expect(entitiesAt(one, 0)).toEqual(entitiesAt(columns, 1));
  });

  it("writes null as NULL and the text NULL quoted", () => {
    expect(arrayLiteral([null, "NULL", 1, true, ""])).toBe('{NULL,"NULL",1,t,""}');
  });

  it("refuses a raw payload holding the separator", () => {
    expect(() => alertColumns([{ row: row(0), rawJson: `"a${RAW_SEPARATOR}b"` }])).toThrow(/U\+001E/);
  });
});
