import { sanitize } from "./parse";
import type { Entities } from "./types";

/** One alert row for `upsertAlerts`, everything but the customer (the statement's tenant) and the raw payload. */
export type AlertRow = {
  sensor_id: string;
  api_key_id: string;
  source: string;
  dedup_key: string;
  vendor_alert_id: string | null;
  vendor_status: string | null;
  product: string | null;
  title: string;
  description: string | null;
  severity: number;
  vendor_severity: string | null;
  event_time: Date;
  original_event_time: Date | null;
  clock_skew: boolean;
  vendor_created_at: Date | null;
  /** Also the row's first "last seen". */
  received_at: Date;
  occurrences: number;
  techniques: string[];
  tactics: string[];
  entities: unknown;
  truncated: string[];
};

/**
 * What `upsertAlerts` takes: each scalar column of the rows as one PostgreSQL array literal, their entities as one JSON
 * array, and their raw payloads' texts in the same order joined by U+001E (record separator), which valid JSON text
 * never holds unescaped; the statement zips them back by position (`rows from`). Array literals cost the database a
 * fraction of what reading the same rows from one JSON document did (jsonb parse, then a lookup and a text round trip
 * per field): about 20 µs per alert. The entities stay JSON, which they are stored as, so their text needs no
 * escaping; the payloads are stored verbatim as text, so they are never escaped or serialised again. Built where the
 * batch is prepared (a worker thread for large batches).
 */
export type AlertColumns = { columns: string[]; entities: string; entityAt: number[]; raws: string };

export const RAW_SEPARATOR = "\u001e";

/**
 * The columns in the order `upsertAlerts` unnests them, with the SQL type of each array's elements and, for a per-row
 * array (which travels as the text of its own literal), the type it is cast to row by row.
 */
export const ALERT_COLUMNS = [
  ["sensor_id", "uuid"],
  ["api_key_id", "uuid"],
  ["source", "text"],
  ["dedup_key", "text"],
  ["vendor_alert_id", "text"],
  ["vendor_status", "text"],
  ["product", "text"],
  ["title", "text"],
  ["description", "text"],
  ["severity", "smallint"],
  ["vendor_severity", "text"],
  ["event_time", "timestamptz"],
  ["original_event_time", "timestamptz"],
  ["clock_skew", "boolean"],
  ["vendor_created_at", "timestamptz"],
  ["received_at", "timestamptz"],
  ["occurrences", "integer"],
  ["techniques", "text", "text[]"],
  ["tactics", "text", "text[]"],
  ["truncated", "text", "text[]"],
] as const satisfies readonly (readonly [keyof AlertRow, string, string?])[];

const UNSTORABLE = /\\u(0000|d[89a-f])/i;
// biome-ignore lint/suspicious/noControlCharactersInRegex: NUL is one of the characters it looks for
const SPECIAL = /["\\\u0000]/;

/**
 * One element of an array literal: double-quoted, with `"` and `\` escaped (so commas, braces, blanks and the word
 * NULL stay data), NUL dropped (PostgreSQL text cannot hold it); null is the bare NULL.
 */
export function arrayElement(v: string | number | boolean | Date | null): string {
  if (v === null) return "NULL";
  if (typeof v === "number") {
    if (!Number.isFinite(v)) throw new Error("arrayElement: a number must be finite");
    return String(v);
  }
  if (typeof v === "boolean") return v ? "t" : "f";
  if (v instanceof Date) return `"${v.toISOString()}"`;
  if (!SPECIAL.test(v)) return `"${v}"`;
  return `"${v.replaceAll("\u0000", "").replace(/["\\]/g, "\\$&")}"`;
}

/** A whole array literal of `values`. */
export const arrayLiteral = (values: readonly (string | number | boolean | Date | null)[]) =>
  `{${values.map(arrayElement).join(",")}}`;

/** A document as jsonb takes it: NUL and lone surrogates (which it refuses) cleaned out first when there are any. */
function documentText(v: unknown): string {
  const text = JSON.stringify(v);
  return UNSTORABLE.test(text) ? JSON.stringify(sanitize(v)) : text;
}

export function alertColumns(rows: readonly { row: AlertRow; rawJson: string }[]): AlertColumns {
  const columns = ALERT_COLUMNS.map(([name]) => {
    const parts = new Array<string>(rows.length);
    // Neighbouring rows often share a value (the sensor, the time received, an instant): its text is reused.
    let last: unknown;
    let lastText = "";
    for (let i = 0; i < rows.length; i++) {
      const v = rows[i]!.row[name];
      const same = v === last || (v instanceof Date && last instanceof Date && v.getTime() === last.getTime());
      if (!same) {
        lastText = arrayElement(Array.isArray(v) ? arrayLiteral(v) : (v as string | number | boolean | Date | null));
        last = v;
      }
      parts[i] = lastText;
    }
    return `{${parts.join(",")}}`;
  });
  const raws = rows.map(({ rawJson }) => rawJson);
  for (const raw of raws) if (raw.includes(RAW_SEPARATOR)) throw new Error("alertColumns: a raw payload holds U+001E");
  const entities = rows.map(({ row }) => documentText(row.entities));
  let at = 1;
  const entityAt = entities.map((text) => {
    const start = at;
    at += text.length + 1;
    return start;
  });
  return { columns, entities: `[${entities.join(",")}]`, entityAt, raws: raws.join(RAW_SEPARATOR) };
}

/** The entities of row `i`, read back from the columns' JSON array. */
export function entitiesAt(columns: AlertColumns, i: number): Entities {
  const start = columns.entityAt[i]!;
  const end = i + 1 < columns.entityAt.length ? columns.entityAt[i + 1]! - 1 : columns.entities.length - 1;
  return JSON.parse(columns.entities.slice(start, end)) as Entities;
}
