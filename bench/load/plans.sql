-- The plans of the heaviest reads of the load run, as the app runs them today: the SQL drizzle sends (taken from the
-- PostgreSQL log with log_min_duration_statement = 0 during `bench/load/run.ts --alone-only`), parameters written
-- in, in a transaction as the app role with the scope the app sets (row-level security changes plans): the staff
-- scope for the console's reads, the customer scope for the portal's. Nothing is changed: the transaction is rolled
-- back. Kept in docs/benchmarks.md ("Plans of the heaviest reads") with the session they were read in.
-- Run: psql postgres://root@127.0.0.1:5432/<db> -f bench/load/plans.sql
\set QUIET on
-- The largest customer (most sensors: the portal's worst case) and its live sensors, read as the owner.
select c.id as big, c.name as big_name from customers c
  order by (select count(*) from sensors s where s.customer_id = c.id) desc, c.id limit 1 \gset
select array_agg(id order by id)::text as big_sensors from sensors where customer_id = :'big' and status <> 'retired' \gset
-- The attainment page's six months, as the literals the app sends.
select string_agg(quote_literal(to_char(date_trunc('month', now()) - make_interval(months => k), 'YYYY-MM')), ', ')
  as months from generate_series(0, 5) k \gset
\set QUIET off
begin;
set local role wk_app;
select set_config('app.scope', 'staff', true);

\echo '=== alerts.queue (default): one page of the open alerts, most urgent SLA first'
explain (analyze, buffers, costs off)
select id, received_at from ((select "alerts"."id" as id, "alerts"."received_at" as received_at,
    "alerts"."severity" as severity,
    (select min(c.due_at) from sla_clocks c where c.incident_id = "alerts"."incident_id"
      and c.state in ('running', 'at_risk', 'breached') and c.stop_at is null) as due
  from "alerts" where "alerts"."status" in ('new', 'acknowledged') and "alerts"."incident_id" is not null)
  union all
  (select "alerts"."id" as id, "alerts"."received_at" as received_at, "alerts"."severity" as severity,
    null::timestamptz as due
  from "alerts" where "alerts"."status" in ('new', 'acknowledged') and "alerts"."incident_id" is null
  order by "alerts"."severity" desc, "alerts"."received_at" asc, "alerts"."id" asc limit 50)) page
order by due asc nulls last, severity desc, received_at asc, id asc limit 50 offset 0;

\echo '=== alerts.queue (default): the total'
explain (analyze, buffers, costs off)
select count(*) from "alerts" where "alerts"."status" in ('new', 'acknowledged');

\echo '=== alerts.queue (search "powershell"): the total'
explain (analyze, buffers, costs off)
select count(*) from "alerts" where ("alerts"."status" in ('new', 'acknowledged')
  and ("alerts"."title" ilike '%powershell%' or "alerts"."vendor_alert_id" ilike '%powershell%'));

\echo '=== sla.attainment (a miss of the shared answer): customers by attainment over six months, first page'
explain (analyze, buffers, costs off)
select "customers"."id", "customers"."name",
  ("w_met"::float8 / nullif(coalesce("w_met", 0) + coalesce("w_breached", 0), 0)), (count(*) over ())::int
from "customers" left join (select "customer_id", sum("met")::int as "w_met", sum("breached")::int as "w_breached"
  from "sla_monthly"
  where "sla_monthly"."month" in (:months)
  group by "sla_monthly"."customer_id") "w" on "w"."customer_id" = "customers"."id"
order by ("w_met"::float8 / nullif(coalesce("w_met", 0) + coalesce("w_breached", 0), 0)) asc nulls last,
  "customers"."name" asc, "customers"."id" asc
limit 25;

\echo '=== operations.home (a miss of the shared answer): each customer''s sensors and silent sensors'
explain (analyze, buffers, costs off)
select "customer_id", count(*)::int,
  (count(*) filter (where "sensors"."status" <> 'retired'
    and greatest("sensors"."last_heartbeat_at", "sensors"."last_event_at") is not null
    and now() - greatest("sensors"."last_heartbeat_at", "sensors"."last_event_at")
      > make_interval(secs => 3 * "sensors"."heartbeat_interval_seconds")))::int
from "sensors" group by "sensors"."customer_id";

\echo '=== myPosture.summary / myCoverage.summary: 30 days of heartbeat history of every live sensor of the largest customer'
select set_config('app.scope', 'customer', true), set_config('app.customer_id', :'big', true);
explain (analyze, buffers, costs off)
with ids as (
  select s.id as sensor_id, make_interval(secs => 3 * s.heartbeat_interval_seconds) as quiet,
    coalesce((select max(b.hour) from "sensor_heartbeat_hours" b
      where b.customer_id = :'big' and b.sensor_id = s.id
        and b.hour < date_trunc('hour', now() - interval '30 days')),
      date_trunc('hour', now() - interval '30 days')) as lo
  from "sensors" s where s.customer_id = :'big' and s.id = any(:'big_sensors'::uuid[])
)
select i.sensor_id, r.first_at, r.last_at, r.next_first, r.gaps, r.n,
  (r.next_first is null or r.next_first - r.last_at > i.quiet) as pair
from ids i cross join lateral (
  select h.first_at, h.last_at, h.gaps, lead(h.first_at) over (order by h.hour) as next_first,
    row_number() over (order by h.hour) as n
  from "sensor_heartbeat_hours" h
  where h.customer_id = :'big' and h.sensor_id = i.sensor_id and h.hour >= i.lo and h.hour < now()
) r
where r.n = 1 or r.next_first is null or jsonb_array_length(r.gaps) > 0 or r.next_first - r.last_at > i.quiet
order by i.sensor_id, r.n;

rollback;
