-- The plans of the heaviest reads of the load run, as the app runs them: the SQL drizzle sends (taken from the
-- PostgreSQL log with log_min_duration_statement = 0), parameters written in, in a transaction as the app role with
-- the staff scope (row-level security changes plans). Nothing is changed: the transaction is rolled back.
-- Run: psql postgres://root@127.0.0.1:5432/<db> -f bench/load/plans.sql
begin;
set local role wk_app;
select set_config('app.scope', 'staff', true);

\echo '=== alerts.queue (default): one page of the open alerts, most urgent SLA first'
explain (analyze, buffers, costs off, timing off)
select "alerts"."id", "alerts"."customer_id", "customers"."name", "customers"."slug", "sensors"."name", "alerts"."source",
  "alerts"."title", "alerts"."severity", "alerts"."status", "alerts"."verdict", "alerts"."event_time",
  "alerts"."received_at", "alerts"."last_seen_at", "alerts"."occurrences", "alerts"."techniques",
  "alerts"."assignee_id", "user"."name", "alerts"."incident_id", "incidents"."number",
  (select min(c.due_at) from sla_clocks c where c.incident_id = "alerts"."incident_id"
    and c.state in ('running', 'at_risk', 'breached') and c.stop_at is null)
from "alerts" inner join "customers" on "customers"."id" = "alerts"."customer_id"
left join "sensors" on "sensors"."id" = "alerts"."sensor_id" left join "user" on "user"."id" = "alerts"."assignee_id"
left join "incidents" on "incidents"."id" = "alerts"."incident_id"
where "alerts"."status" in ('new', 'acknowledged')
order by (select min(c.due_at) from sla_clocks c where c.incident_id = "alerts"."incident_id"
  and c.state in ('running', 'at_risk', 'breached') and c.stop_at is null) asc nulls last,
  "alerts"."severity" desc, "alerts"."received_at" asc
limit 50;

\echo '=== alerts.queue (default): the total'
explain (analyze, buffers, costs off, timing off)
select count(*) from "alerts" where "alerts"."status" in ('new', 'acknowledged');

\echo '=== roster timeline / gaps / forecast (loadPlan): eight weeks of alerts per hour'
explain (analyze, buffers, costs off, timing off)
select floor(extract(epoch from "received_at") / 3600)::int, count(*)::int from "alerts"
where ("alerts"."received_at" >= now() - interval '8 weeks' and "alerts"."received_at" < now()
  and not ("alerts"."status" = 'closed' and "alerts"."acknowledged_by" is null and "alerts"."assignee_id" is null))
group by floor(extract(epoch from "alerts"."received_at") / 3600)::int;

\echo '=== operations.home: alerts per day in the viewer''s zone, 15 days'
explain (analyze, buffers, costs off, timing off)
select to_char("received_at" at time zone 'Europe/Berlin', 'YYYY-MM-DD'), count(*) from "alerts"
where "alerts"."received_at" >= now() - interval '15 days' group by 1;

\echo '=== operations.home: untriaged alerts (each one, to the server)'
explain (analyze, buffers, costs off, timing off)
select "severity", "received_at" from "alerts" where "alerts"."status" = 'new';

rollback;
