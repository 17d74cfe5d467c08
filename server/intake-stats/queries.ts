import { sql } from "drizzle-orm";
import { type DbOrTx, rowsOf } from "@/db";
import { alerts } from "@/db/schema";

/**
 * The provider-wide intake per quarter hour (a shared read, see .dependency-cruiser.cjs): the SOC manager's intake
 * trend and the roster's forecast count the same alerts with the same function.
 */
/** A quarter hour: the rollup's grain (every time zone's offset is a whole number of quarter hours). */
export const QUARTER_MS = 15 * 60_000;
/** The alerts that count for the roster's forecast: all but those closed with nobody having touched them. */
const needsTriage = sql`not (${alerts.status} = 'closed' and ${alerts.acknowledgedBy} is null and ${alerts.assigneeId} is null)`;
/** Every status, spelled out so the queue's (status, received_at) index serves a range of received_at alone. */
const anyStatus = sql`${alerts.status} in ('new', 'acknowledged', 'escalated', 'closed')`;
const quarterOf = sql`(floor(extract(epoch from ${alerts.receivedAt}) * 1000 / ${QUARTER_MS}) * ${QUARTER_MS})::bigint`;

export type IntakeQuarter = { at: number; received: number; needingTriage: number };

/**
 * Provider-wide (staff and jobs only): alerts received per UTC quarter hour in [from, to), one row per quarter that
 * has any. Whole quarters up to the rollup's watermark come from `alert_intake_quarters`; the partial quarter at
 * `from` and everything after the watermark are counted from the alerts (an index range each).
 */
export async function intakeQuarters(db: DbOrTx, from: Date, to: Date): Promise<IntakeQuarter[]> {
  // The watermark is read first so that both live ranges reach the planner as constants (a bound taken from the
  // rollup row inside the statement made it plan a sequential scan of every alert).
  const through = (await intakeRollupThrough(db))?.getTime() ?? 0;
  const c0 = Math.ceil(from.getTime() / QUARTER_MS) * QUARTER_MS;
  const c1 = Math.max(c0, Math.min(Math.floor(to.getTime() / QUARTER_MS) * QUARTER_MS, through));
  const iso = (t: number) => sql`${new Date(t).toISOString()}::timestamptz`;
  const live = (lo: number, hi: number) => sql`
    select ${quarterOf} as at, count(*)::int as received, (count(*) filter (where ${needsTriage}))::int as needing
    from ${alerts}
    where ${anyStatus} and ${alerts.receivedAt} >= ${iso(lo)} and ${alerts.receivedAt} < ${iso(hi)}
    group by 1`;
  const parts = [
    sql`select (extract(epoch from starts_at) * 1000)::bigint as at, received, needing_triage as needing
      from alert_intake_quarters where starts_at >= ${iso(c0)} and starts_at < ${iso(c1)}`,
  ];
  if (from.getTime() < Math.min(c0, to.getTime())) parts.push(live(from.getTime(), Math.min(c0, to.getTime())));
  if (Math.max(c1, from.getTime()) < to.getTime()) parts.push(live(Math.max(c1, from.getTime()), to.getTime()));
  const rows = rowsOf<{ at: string | number; received: number; needing: number }>(
    await db.execute(sql.join(parts, sql` union all `)),
  );
  return rows
    .map((r) => ({ at: Number(r.at), received: Number(r.received), needingTriage: Number(r.needing) }))
    .sort((a, b) => a.at - b.at);
}

/**
 * Recomputes the intake rollup's quarters in [from, through) from the alerts and moves its watermark to `through`
 * (one transaction; serialised across instances by an advisory lock). `from` null: from the oldest alert (first run).
 */
export async function rebuildIntakeQuarters(db: DbOrTx, from: Date | null, through: Date) {
  const t = through.toISOString();
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(727006)`);
    let startAt = from?.toISOString();
    if (!startAt) {
      const [first] = rowsOf<{ at: string | Date | null }>(
        await tx.execute(sql`select min(${alerts.receivedAt}) as at from ${alerts}`),
      );
      startAt = first?.at ? new Date(first.at).toISOString() : t;
    }
    const start = sql`${startAt}::timestamptz`;
    await tx.execute(
      sql`delete from alert_intake_quarters where starts_at >= ${start} and starts_at < ${t}::timestamptz`,
    );
    const inserted = rowsOf<{ n: number }>(
      await tx.execute(sql`
        with ins as (
          insert into alert_intake_quarters (starts_at, received, needing_triage)
          select to_timestamp(${quarterOf} / 1000.0), count(*), count(*) filter (where ${needsTriage})
          from ${alerts}
          where ${anyStatus} and ${alerts.receivedAt} >= ${start} and ${alerts.receivedAt} < ${t}::timestamptz
          group by 1
          on conflict (starts_at) do update set received = excluded.received, needing_triage = excluded.needing_triage
          returning 1
        )
        select count(*)::int as n from ins`),
    );
    await tx.execute(sql`
      insert into alert_intake_rollup (id, through, updated_at) values (true, ${t}::timestamptz, now())
      on conflict (id) do update set through = excluded.through, updated_at = now()`);
    return inserted[0]?.n ?? 0;
  });
}

/** The rollup's watermark (null before its first run). */
export async function intakeRollupThrough(db: DbOrTx): Promise<Date | null> {
  const rows = rowsOf<{ through: string | Date }>(await db.execute(sql`select through from alert_intake_rollup`));
  return rows[0] ? new Date(rows[0].through) : null;
}
