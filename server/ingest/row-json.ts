/** One alert row for `upsertAlerts`, everything but the raw payload (which is spliced in as JSON text). */
export type AlertRow = {
  customer_id: string;
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
  received_at: Date;
  last_seen_at: Date;
  occurrences: number;
  techniques: string[];
  tactics: string[];
  entities: unknown;
  truncated: string[];
};

/**
 * What `upsertAlerts` takes: the rows' fields as one JSON array, and their raw payloads' texts in the same order joined
 * by U+001E (record separator), which valid JSON text never holds unescaped. The payloads are stored verbatim as text,
 * so they travel apart from the document the database parses (parsing them, even as JSON strings, was the larger part
 * of the upsert) and are never escaped or serialised again.
 */
export type AlertRowsText = { rows: string; raws: string };

export const RAW_SEPARATOR = "\u001e";

export function alertRowsText(rows: { row: AlertRow; rawJson: string }[]): AlertRowsText {
  return alertRowParts(rows).text;
}

/**
 * A batch's rows as `upsertAlerts` takes them, with where each row's JSON and each raw payload starts in the texts:
 * built where the batch is prepared (a worker thread), so that the database half can write the rows in parts
 * (`joinRowParts`) by slicing, without parsing or serialising anything again.
 */
export type AlertRowParts = { text: AlertRowsText; rowAt: number[]; rawAt: number[] };

export function alertRowParts(rows: { row: AlertRow; rawJson: string }[]): AlertRowParts {
  const rowTexts = rows.map(({ row }) => JSON.stringify(row));
  const raws = rows.map(({ rawJson }) => rawJson);
  for (const raw of raws) if (raw.includes(RAW_SEPARATOR)) throw new Error("alertRowsText: a raw payload holds U+001E");
  const starts = (texts: string[], first: number) => {
    let at = first;
    return texts.map((t) => {
      const start = at;
      at += t.length + 1;
      return start;
    });
  };
  return {
    text: { rows: `[${rowTexts.join(",")}]`, raws: raws.join(RAW_SEPARATOR) },
    rowAt: starts(rowTexts, 1),
    rawAt: starts(raws, 0),
  };
}

/** The `upsertAlerts` texts of the rows at `pick` (ascending positions in the parts); all of them: the texts as built. */
export function joinRowParts(parts: AlertRowParts, pick: number[]): AlertRowsText {
  const n = parts.rowAt.length;
  if (pick.length === n) return parts.text;
  const { rows, raws } = parts.text;
  const row = (i: number) => rows.slice(parts.rowAt[i], i + 1 < n ? parts.rowAt[i + 1]! - 1 : rows.length - 1);
  const raw = (i: number) => raws.slice(parts.rawAt[i], i + 1 < n ? parts.rawAt[i + 1]! - 1 : raws.length);
  return { rows: `[${pick.map(row).join(",")}]`, raws: pick.map(raw).join(RAW_SEPARATOR) };
}
