import { type AlertColumns, type AlertRow, alertColumns } from "./alert-rows";
import { type AlertRecord, finalizeAlert } from "./finalize";
import { normalizers } from "./normalize";
import { IntakeError, type ParsedItem, parseBody, sanitize } from "./parse";
import { type HostEntity, PayloadError, type SourceFormat } from "./types";

/**
 * Everything the intake does to a request's items before the database: normalise, finalise, fold repeats of a key,
 * sort by key and build the rows' columns. Pure (no database, no clock: `receivedAt` is given), so it can run on a
 * worker thread for large batches (prepare-thread.mjs) and in-process otherwise, with the same result.
 */
export type ItemResult =
  | {
      status: "created" | "updated";
      alertId: string;
      incidentId: string | null;
      severity: number;
      techniques: string[];
    }
  | { status: "ignored"; reason: string }
  | { status: "health" }
  | { status: "rejected"; error: { code: string; message: string; path: string } };

/** Who sends: the key's tenant, sensor and source (the tenant comes from the key, never from the payload). */
export type RowContext = { tenant: string; sensorId: string; keyId: string; sourceFormat: SourceFormat };

export type PreparedAlert = { index: number; record: AlertRecord; occurrences: number };

/**
 * What the database half reads of a prepared alert (and all that travels back from a preparing thread besides the
 * rows' columns): its key, and what correlation, the asset inventory and an incident it joins take. Its entities are
 * read back from the columns only for an alert that joins an incident (`entitiesAt`).
 */
export type AlertFacts = Pick<
  AlertRecord,
  "dedupKey" | "eventTime" | "title" | "severity" | "vendorCreatedAt" | "techniques" | "keys" | "probes"
> & { index: number; hosts: HostEntity[] };
export type HealthItem = { index: number; note: string; message: string | null; eventTime: Date | null; raw: unknown };

export type PreparedItems = {
  count: number;
  /** Results known before the database: rejected and ignored items. */
  early: { index: number; result: ItemResult }[];
  health: HealthItem[];
  /** One per dedup key, sorted by key; `index` is the key's first item. */
  unique: AlertFacts[];
  /** Every alert item in order, with its key. */
  order: { index: number; key: string }[];
  /** The rows of `unique`, position for position, as `upsertAlerts` takes them. */
  columns: AlertColumns | null;
};

type Work = PreparedAlert & { raw: unknown; rawJson?: string };

export function prepareItems(items: ParsedItem[], ctx: RowContext, receivedAt: Date): PreparedItems {
  const { rows, unique, ...prepared } = prepareAlertRows(items, ctx, receivedAt);
  return { ...prepared, unique: unique.map(factsOf), columns: rows.length ? alertColumns(rows) : null };
}

const factsOf = ({ index, record: r }: PreparedAlert): AlertFacts => ({
  index,
  dedupKey: r.dedupKey,
  eventTime: r.eventTime,
  title: r.title,
  severity: r.severity,
  vendorCreatedAt: r.vendorCreatedAt,
  techniques: r.techniques,
  keys: r.keys,
  probes: r.probes,
  hosts: r.entities.hosts,
});

/**
 * `prepareItems` with the alert rows as objects instead of their columns (the demo seed's bulk history gathers the rows of
 * many requests before writing them): the same normalising, finalising, folding and sorting.
 */
export function prepareAlertRows(
  items: ParsedItem[],
  ctx: RowContext,
  receivedAt: Date,
): Omit<PreparedItems, "columns" | "unique"> & { unique: PreparedAlert[]; rows: { row: AlertRow; rawJson: string }[] } {
  const early: PreparedItems["early"] = [];
  const health: HealthItem[] = [];
  const alerts: Work[] = [];
  const normalize = normalizers[ctx.sourceFormat];
  items.forEach((item, index) => {
    if (!item.ok) {
      early.push({ index, result: rejected(item.error.code, item.error.message, item.error.path) });
      return;
    }
    try {
      const n = normalize(item.value);
      if (n.kind === "ignored") early.push({ index, result: { status: "ignored", reason: n.reason } });
      else if (n.kind === "health") health.push({ index, ...n, raw: item.value });
      else
        alerts.push({
          index,
          record: finalizeAlert(n, receivedAt),
          raw: item.value,
          rawJson: item.text,
          occurrences: 1,
        });
    } catch (e) {
      if (e instanceof PayloadError || e instanceof IntakeError)
        early.push({ index, result: rejected(e.code, e.message, e.path) });
      else throw e;
    }
  });

  // The same vendor alert twice in one request is one row, seen twice.
  const byKey = new Map<string, Work>();
  const order: { index: number; key: string }[] = [];
  for (const p of alerts) {
    const first = byKey.get(p.record.dedupKey);
    if (first) {
      first.occurrences++;
      first.record = { ...p.record, severity: Math.max(first.record.severity, p.record.severity) };
      first.raw = p.raw;
      first.rawJson = p.rawJson;
    } else byKey.set(p.record.dedupKey, p);
    order.push({ index: p.index, key: p.record.dedupKey });
  }
  // Sorted by key: concurrent batches lock the rows they share in the same order.
  const unique = [...byKey.values()].sort((a, b) => (a.record.dedupKey < b.record.dedupKey ? -1 : 1));
  return {
    count: items.length,
    early,
    health,
    unique: unique.map(({ index, record, occurrences }) => ({ index, record, occurrences })),
    order,
    rows: unique.map((p) => toRow(p, ctx, receivedAt)),
  };
}

/** Body bytes to prepared items (the worker thread's whole job). Throws `IntakeError` for a bad body. */
export function prepareBody(
  bytes: Uint8Array,
  contentType: string | null,
  ctx: RowContext,
  receivedAt: Date,
): { batch: boolean; prepared: PreparedItems } {
  const body = parseBody(bytes, contentType);
  const items = body.batch ? body.items : [body.item];
  return { batch: body.batch, prepared: prepareItems(items, ctx, receivedAt) };
}

function toRow(p: Work, ctx: RowContext, receivedAt: Date): { row: AlertRow; rawJson: string } {
  const r = p.record;
  return {
    row: {
      sensor_id: ctx.sensorId,
      api_key_id: ctx.keyId,
      source: ctx.sourceFormat,
      dedup_key: r.dedupKey,
      vendor_alert_id: r.vendorAlertId,
      vendor_status: r.vendorStatus,
      product: r.product,
      title: r.title,
      description: r.description,
      severity: r.severity,
      vendor_severity: r.vendorSeverity,
      event_time: r.eventTime,
      original_event_time: r.originalEventTime,
      clock_skew: r.clockSkew,
      vendor_created_at: r.vendorCreatedAt,
      received_at: receivedAt,
      occurrences: p.occurrences,
      techniques: r.techniques,
      tactics: r.tactics,
      entities: r.entities,
      truncated: r.truncated,
    },
    // The text as received or, when it held NUL/lone-surrogate escapes, a cleaned copy.
    rawJson: p.rawJson ?? JSON.stringify(sanitize(p.raw)),
  };
}

const rejected = (code: string, message: string, path: string): ItemResult => ({
  status: "rejected",
  error: { code, message, path },
});
