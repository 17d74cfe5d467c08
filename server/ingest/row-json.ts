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
  const raws = rows.map(({ rawJson }) => rawJson);
  for (const raw of raws) if (raw.includes(RAW_SEPARATOR)) throw new Error("alertRowsText: a raw payload holds U+001E");
  return { rows: JSON.stringify(rows.map(({ row }) => row)), raws: raws.join(RAW_SEPARATOR) };
}
