import { and, eq, type SQL, sql } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import { type DbOrTx, rowsOf } from "@/db";
import { apiKeys, sensorHealthEvents, sensors } from "@/db/schema";
import type { TenantId } from "@/server/tenancy/tenant";
import { ALERT_COLUMNS, type AlertColumns, arrayLiteral } from "./alert-rows";

const dialect = new PgDialect();

/**
 * Runs a statement of constant text as a named prepared statement. drizzle's `execute` sends an unnamed one, which
 * postgres-js parses and describes in one round trip and binds in a second, and PostgreSQL plans every time; a named
 * one is parsed once per connection and then costs one round trip. Only for statements whose text never varies (the
 * driver keeps each distinct text per connection). PGlite ignores the name.
 */
function executePrepared(db: DbOrTx, name: string, query: SQL) {
  return db._.session.prepareQuery(dialect.sqlToQuery(query), undefined, name, false).execute();
}

type UpsertResult = {
  id: string;
  dedupKey: string;
  incidentId: string | null;
  severity: number;
  techniques: string[];
  inserted: boolean;
};

export type Candidate = { id: string; latestEventTime: Date; key: string };

/** The unnested columns by name, the per-row arrays cast from the text of their literal. */
const UNNESTED = ALERT_COLUMNS.map(([name]) => name).join(", ");
const SELECTED = ALERT_COLUMNS.map(([name, , cast]) => (cast ? `u.${name}::${cast} as ${name}` : `u.${name}`)).join(
  ", ",
);

/**
 * Inserts new alerts and merges re-sent ones in one statement (contract: "same vendor alert again is an update"):
 * occurrences +n, last seen, vendor status, evidence and techniques merged, severity never lowered, raw replaced by
 * the newest payload. `inserted` tells new rows from updated ones. The rows travel column by column as array literals,
 * their entities as one JSON array and their raw payloads as one text, zipped back by position (`rows from`; see
 * `AlertColumns`): a bind value per column instead of thousands keeps the hot path cheap on both drivers.
 *
 * Alerts are partitioned by month (migration 0032), so "one alert per dedup key" lives in `alert_keys`: each key is
 * claimed there first, row `i` in place `claim[i]` (by default the rows' order, which is the keys' order), so that
 * concurrent batches claim the keys they share in one order (`holdKeys`). A new key gets a fresh id and this batch's
 * received_at; a known one is locked and hands back its alert's (id, received_at) — its no-op update is what makes the
 * conflicting row come back, including one another batch committed after this statement's snapshot (a plain select
 * would not see it). The alerts are then written by their primary key, which routes each to its own month: a new key
 * inserts, a known key conflicts and merges (the alert row may likewise be newer than the snapshot: only ON CONFLICT
 * sees it, an UPDATE would skip it); a batch reaches an alert row only through its key row, so the key rows' order
 * covers them. `inserted` comes from the key row (a partitioned table cannot return xmax).
 *
 * The same statement reads the correlation candidates: open incidents of this customer holding any of `keys`, with
 * their matching keys (one round trip for the batch; the snapshot is the statement's).
 */
export async function upsertAlerts(
  db: DbOrTx,
  tenant: TenantId,
  batch: AlertColumns,
  keys: readonly string[],
  claim: readonly number[] = batch.entityAt.map((_, i) => i),
): Promise<{ rows: UpsertResult[]; candidates: Candidate[] }> {
  const result = await executePrepared(
    db,
    "intake_upsert",
    sql`
    with x as (
      select ${sql.raw(SELECTED)}, u.entities, u.raw, u.claim
      from rows from (
        unnest(${sql.join(
          batch.columns.map((column, i) => sql`${column}::${sql.raw(ALERT_COLUMNS[i]![1])}[]`),
          sql`, `,
        )}),
        jsonb_array_elements(${batch.entities}::text::jsonb),
        unnest(string_to_array(${batch.raws}::text, chr(30))),
        unnest(${arrayLiteral(claim)}::integer[])
      ) as u(${sql.raw(UNNESTED)}, entities, raw, claim)
    ), k as (
      insert into alert_keys as ak (customer_id, dedup_key, alert_id, received_at)
      select ${tenant}::uuid, dedup_key, gen_random_uuid(), received_at from x
      order by claim
      on conflict (customer_id, dedup_key) do update set alert_id = ak.alert_id
      returning dedup_key, alert_id, received_at, (xmax = 0) as inserted
    ), up as (
      insert into alerts (id, customer_id, sensor_id, api_key_id, source, dedup_key, vendor_alert_id, vendor_status,
        product, title, description, severity, vendor_severity, event_time, original_event_time, clock_skew,
        vendor_created_at, received_at, last_seen_at, occurrences, techniques, tactics, entities, truncated, raw)
      select k.alert_id, ${tenant}::uuid, x.sensor_id, x.api_key_id, x.source, x.dedup_key, x.vendor_alert_id,
        x.vendor_status, x.product, x.title, x.description, x.severity, x.vendor_severity, x.event_time,
        x.original_event_time, x.clock_skew, x.vendor_created_at, k.received_at, x.received_at, x.occurrences,
        x.techniques, x.tactics, x.entities, x.truncated, x.raw
      from x join k on k.dedup_key = x.dedup_key
      order by x.dedup_key collate "C"
      on conflict (id, received_at) do update set
        occurrences = alerts.occurrences + excluded.occurrences,
        last_seen_at = greatest(alerts.last_seen_at, excluded.last_seen_at),
        vendor_status = coalesce(excluded.vendor_status, alerts.vendor_status),
        description = coalesce(excluded.description, alerts.description),
        severity = greatest(alerts.severity, excluded.severity),
        entities = wk_jsonb_union(alerts.entities, excluded.entities),
        techniques = array(select distinct unnest(alerts.techniques || excluded.techniques) order by 1),
        tactics = array(select distinct unnest(alerts.tactics || excluded.tactics) order by 1),
        raw = excluded.raw,
        raw_pruned_at = null
      returning id, dedup_key, incident_id, severity, array_to_string(techniques, ',') as techniques
    )
    select 'a' as kind, up.id, up.dedup_key, up.incident_id, up.severity, up.techniques, k.inserted,
        null::timestamptz as latest
      from up join k on k.alert_id = up.id
    union all
    select 'c', i.id, e.key, null, null, null, null, i.latest_event_time
      from incident_entities e join incidents i on i.id = e.incident_id
      where e.customer_id = ${tenant} and e.key = any(${arrayLiteral(keys)}::text[])
        and i.customer_id = ${tenant} and i.status <> 'closed'`,
  );
  const all = rowsOf<{
    kind: string;
    id: string;
    dedup_key: string;
    incident_id: string | null;
    severity: number | null;
    techniques: string | null;
    inserted: boolean | string | null;
    latest: Date | string | null;
  }>(result);
  const rows: UpsertResult[] = [];
  const candidates: Candidate[] = [];
  for (const r of all) {
    if (r.kind === "c") {
      candidates.push({ id: r.id, key: r.dedup_key, latestEventTime: new Date(r.latest as string) });
      continue;
    }
    rows.push({
      id: r.id,
      dedupKey: r.dedup_key,
      incidentId: r.incident_id,
      severity: Number(r.severity),
      techniques: r.techniques ? r.techniques.split(",") : [],
      inserted: r.inserted === true || r.inserted === "t",
    });
  }
  return { rows, candidates };
}

export async function touchSensor(
  db: DbOrTx,
  tenant: TenantId,
  sensorId: string,
  patch: Partial<typeof sensors.$inferInsert>,
) {
  await db
    .update(sensors)
    .set(patch)
    .where(and(eq(sensors.customerId, tenant), eq(sensors.id, sensorId)));
}

export async function markSensorEvent(db: DbOrTx, tenant: TenantId, sensorId: string, at: Date) {
  await db
    .update(sensors)
    .set({ lastEventAt: sql`greatest(${sensors.lastEventAt}, ${at.toISOString()}::timestamptz)` })
    .where(and(eq(sensors.customerId, tenant), eq(sensors.id, sensorId)));
}

/**
 * One heartbeat in one statement (one round trip): the raw row (kept 48 h), the sensor's hourly row (first/last
 * heartbeat, and the gap to the previous heartbeat of the hour when it is longer than 3 × the sensor's interval; see
 * `sensor_heartbeat_hours`) and the sensor's latest facts. A heartbeat older than the hour's latest adds no gap.
 */
type Beat = { version?: string; eventsPerSecond?: number; hostCount?: number };

/**
 * One heartbeat: the raw row, the sensor's hourly row (first/last beat, count, and a gap when the previous beat is
 * more than 3 × the interval before this one) and the sensor's latest facts — the function `wk_heartbeat` (migration
 * 0027), whose statements' plans each connection keeps. The one text of the call: run as a named prepared statement
 * (`recordHeartbeatRow`) or spelled with literals into a group (`heartbeatText`).
 */
function heartbeatStatement(tenant: TenantId, sensorId: string, at: Date, body: Beat) {
  return sql`select wk_heartbeat(${tenant}::uuid, ${sensorId}::uuid, ${at.toISOString()}::timestamptz,
    ${body.version ?? null}::text, ${body.eventsPerSecond ?? null}::real, ${body.hostCount ?? null}::integer)`;
}

export async function recordHeartbeatRow(db: DbOrTx, tenant: TenantId, sensorId: string, at: Date, body: Beat) {
  // Constant text: a named prepared statement, one round trip (see executePrepared).
  await executePrepared(db, "intake_heartbeat", heartbeatStatement(tenant, sensorId, at, body));
}

/**
 * The same statement as text with its values spelled as SQL literals, for a group of heartbeats sent as one
 * simple-protocol query (which takes no parameters). Values are only checked uuids, instants we made, finite numbers
 * and strings written as escaped E'' literals (backslash and quote doubled: safe whatever standard_conforming_strings).
 */
export function heartbeatText(tenant: TenantId, sensorId: string, at: Date, body: Beat): string {
  if (!UUID.test(tenant) || !UUID.test(sensorId)) throw new Error("heartbeatText: ids must be uuids");
  return literalText(heartbeatStatement(tenant, sensorId, at, body));
}

/** `markKeyUsed` as literal text, for the same group query (see `heartbeatText`). */
export function keyUsedText(keyId: string, at: Date): string {
  if (!UUID.test(keyId)) throw new Error("keyUsedText: the key id must be a uuid");
  return literalText(sql`update ${apiKeys} set last_used_at = ${at.toISOString()}::timestamptz where id = ${keyId}`);
}

function literalText(query: SQL): string {
  const q = dialect.sqlToQuery(query);
  return q.sql.replace(/\$(\d+)/g, (_, n: string) => literal(q.params[Number(n) - 1]));
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function literal(v: unknown): string {
  if (v === null || v === undefined) return "NULL";
  if (typeof v === "number") {
    if (!Number.isFinite(v)) throw new Error("heartbeatText: a number must be finite");
    return String(v);
  }
  if (typeof v === "string") {
    if (v.includes("\u0000")) throw new Error("heartbeatText: a string may not hold NUL");
    return `E'${v.replaceAll("\\", "\\\\").replaceAll("'", "''")}'`;
  }
  throw new Error(`heartbeatText: unexpected value of type ${typeof v}`);
}

export async function insertHealthEvents(db: DbOrTx, rows: (typeof sensorHealthEvents.$inferInsert)[]) {
  if (rows.length) await db.insert(sensorHealthEvents).values(rows);
}

export async function markKeyUsed(db: DbOrTx, keyId: string, at: Date) {
  await db.update(apiKeys).set({ lastUsedAt: at }).where(eq(apiKeys.id, keyId));
}
