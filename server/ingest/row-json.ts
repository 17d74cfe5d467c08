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

/** The JSON array `upsertAlerts` takes: each row's fields plus its raw payload text, never serialised twice. */
export function alertRowsJson(rows: { row: AlertRow; rawJson: string }[]): string {
  return `[${rows.map(({ row, rawJson }) => `${JSON.stringify(row).slice(0, -1)},"raw":${rawJson}}`).join(",")}]`;
}
