import { sql } from "drizzle-orm";
import { type DbOrTx, rowsOf } from "@/db";

// The monthly rollup: a cache for the cross-customer views, rebuilt for the months marked dirty.

/** Marks the customer months of the given clocks dirty (their rollup is rebuilt before the next read). */
export async function markMonthsDirty(db: DbOrTx, clockIds: string[]) {
  if (!clockIds.length) return;
  await db.execute(sql`
    insert into sla_monthly_dirty (customer_id, month)
    select distinct c.customer_id, to_char(c.start_at at time zone cu.timezone, 'YYYY-MM')
    from sla_clocks c join customers cu on cu.id = c.customer_id
    where c.id in (${sql.join(
      clockIds.map((id) => sql`${id}::uuid`),
      sql`, `,
    )})
    on conflict do nothing`);
}

/** Rebuilds up to `limit` dirty customer months from the clocks; returns how many were rebuilt. */
export async function refreshDirtyMonths(db: DbOrTx, limit = 1000): Promise<number> {
  return db.transaction(async (tx) => {
    const picked = rowsOf<{ customer_id: string; month: string }>(
      await tx.execute(sql`
        delete from sla_monthly_dirty d
        where (d.customer_id, d.month) in (select customer_id, month from sla_monthly_dirty limit ${limit} for update skip locked)
        returning d.customer_id, d.month`),
    );
    if (!picked.length) return 0;
    const list = sql.join(
      picked.map((p) => sql`(${p.customer_id}::uuid, ${p.month})`),
      sql`, `,
    );
    await tx.execute(sql`delete from sla_monthly m where (m.customer_id, m.month) in (${list})`);
    await tx.execute(sql`
      insert into sla_monthly (customer_id, month, severity, metric, met, breached, open, stopped, elapsed_sum_ms)
      select c.customer_id, p.month, c.severity, c.metric,
        count(*) filter (where c.state = 'met')::int,
        count(*) filter (where c.state = 'breached')::int,
        count(*) filter (where c.state in ('running', 'at_risk', 'paused'))::int,
        count(*) filter (where c.stop_at is not null)::int,
        coalesce(sum(c.elapsed_ms) filter (where c.stop_at is not null), 0)::bigint
      from (values ${list}) as p(customer_id, month)
      join customers cu on cu.id = p.customer_id
      join sla_clocks c on c.customer_id = p.customer_id
        and c.start_at >= (p.month || '-01')::timestamp at time zone cu.timezone
        and c.start_at < ((p.month || '-01')::timestamp + interval '1 month') at time zone cu.timezone
      group by c.customer_id, p.month, c.severity, c.metric`);
    return picked.length;
  });
}
