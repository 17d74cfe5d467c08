-- Alerts partitioned by month of received_at (issue 16), hand-written: drizzle-kit models no partitioning (the schema
-- in db/schema/incidents.ts declares what it can: the (id, received_at) primary key and alert_keys, so a later
-- db:generate sees no change). Native declarative partitioning, the same on PostgreSQL 15+ and PGlite (PostgreSQL 18).
--
-- * alerts: PARTITION BY RANGE (received_at), one partition per calendar month in UTC (alerts_YYYY_MM) and
--   alerts_default for anything outside them. The primary key becomes (id, received_at): a unique index on a
--   partitioned table must hold the partition key.
-- * alert_keys: "one alert per (customer, dedup key)" across months, which no index on alerts can say any more. The
--   intake's upsert goes through it (server/ingest/queries.ts upsertAlerts).
-- * wk_ensure_alert_partitions(from, to): makes the missing months, run here for the months the existing alerts span
--   and two ahead, and daily by the alert-partitions job.
-- Existing rows are copied into the new table and the old one dropped, all in the migration's transaction.

-- 1. The partition maker. Each month is made as a plain table (LIKE alerts) and then attached: ATTACH takes only a
-- SHARE UPDATE EXCLUSIVE lock on alerts (the intake's inserts and the console's reads go on), where CREATE TABLE …
-- PARTITION OF would take ACCESS EXCLUSIVE. Rows of that month already in alerts_default (received before their
-- month had a partition: a job that did not run for two months, a seed or a test writing the past) are moved into
-- the new table first; attaching would otherwise fail. Instances may call it at once: an advisory lock takes them one
-- at a time, and each finds what the one before made (duplicate_table is caught all the same, for a month made by
-- hand meanwhile). Idempotent; returns how many months it made. Indexes, foreign keys and the partition constraint
-- come from alerts on ATTACH; row-level security and grants are set here (the app reaches the rows through alerts,
-- whose policy applies; a partition named directly has its own, the same).
CREATE OR REPLACE FUNCTION wk_ensure_alert_partitions(from_month date, to_month date) RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE
  m date := date_trunc('month', from_month::timestamp)::date;
  last_month date := date_trunc('month', to_month::timestamp)::date;
  part text;
  lo text;
  hi text;
  made integer := 0;
BEGIN
  IF m > last_month THEN
    RETURN 0;
  END IF;
  PERFORM pg_advisory_xact_lock(727007); -- its own class: 727002 is the audit chain's (server/audit/queries.ts)
  WHILE m <= last_month LOOP
    part := 'alerts_' || to_char(m, 'YYYY_MM');
    IF to_regclass('public.' || quote_ident(part)) IS NULL THEN
      -- Bounds spelled in UTC whatever the session's time zone.
      lo := to_char(m, 'YYYY-MM-DD') || ' 00:00:00+00';
      hi := to_char((m + interval '1 month')::date, 'YYYY-MM-DD') || ' 00:00:00+00';
      BEGIN
        EXECUTE format('CREATE TABLE public.%I (LIKE public.alerts INCLUDING DEFAULTS INCLUDING STORAGE INCLUDING COMPRESSION)', part);
        -- Lets ATTACH skip scanning the new table for rows outside the month.
        EXECUTE format('ALTER TABLE public.%I ADD CONSTRAINT %I CHECK (received_at >= %L AND received_at < %L)',
          part, part || '_month', lo, hi);
        EXECUTE format('WITH moved AS (DELETE FROM public.alerts_default WHERE received_at >= %L AND received_at < %L '
          'RETURNING *) INSERT INTO public.%I SELECT * FROM moved', lo, hi, part);
        EXECUTE format('ALTER TABLE public.alerts ATTACH PARTITION public.%I FOR VALUES FROM (%L) TO (%L)', part, lo, hi);
        EXECUTE format('ALTER TABLE public.%I DROP CONSTRAINT %I', part, part || '_month');
        PERFORM wk_enable_tenant_rls(('public.' || quote_ident(part))::regclass);
        EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON public.%I TO wk_app', part);
        made := made + 1;
      EXCEPTION WHEN duplicate_table THEN
        NULL;
      END;
    END IF;
    m := (m + interval '1 month')::date;
  END LOOP;
  RETURN made;
END $$;
--> statement-breakpoint

-- 2. The unpartitioned table out of the way; its indexes go now (nothing reads it but the copy below), its primary
-- key's name is freed for the new table's.
ALTER TABLE alerts RENAME TO alerts_unpartitioned;
--> statement-breakpoint
ALTER INDEX alerts_pkey RENAME TO alerts_unpartitioned_pkey;
--> statement-breakpoint
DROP INDEX alerts_dedup_key, alerts_customer_received_idx, alerts_queue_idx, alerts_incident_idx, alerts_raw_held_idx;
--> statement-breakpoint

-- 3. The partitioned table: the same columns in the same order.
CREATE TABLE alerts (
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"customer_id" uuid NOT NULL,
	"sensor_id" uuid,
	"api_key_id" uuid,
	"source" text NOT NULL,
	"dedup_key" text NOT NULL,
	"vendor_alert_id" text,
	"vendor_status" text,
	"product" text,
	"title" text NOT NULL,
	"description" text,
	"severity" smallint NOT NULL,
	"vendor_severity" text,
	"event_time" timestamp (3) with time zone NOT NULL,
	"original_event_time" timestamp (3) with time zone,
	"clock_skew" boolean DEFAULT false NOT NULL,
	"vendor_created_at" timestamp (3) with time zone,
	"received_at" timestamp (3) with time zone NOT NULL,
	"last_seen_at" timestamp (3) with time zone NOT NULL,
	"occurrences" integer DEFAULT 1 NOT NULL,
	"techniques" text[] DEFAULT '{}'::text[] NOT NULL,
	"tactics" text[] DEFAULT '{}'::text[] NOT NULL,
	"entities" jsonb NOT NULL,
	"truncated" text[] DEFAULT '{}'::text[] NOT NULL,
	"raw" text NOT NULL,
	"status" text DEFAULT 'new' NOT NULL,
	"verdict" text,
	"verdict_reason" text,
	"assignee_id" text,
	"acknowledged_at" timestamp with time zone,
	"acknowledged_by" text,
	"triaged_at" timestamp with time zone,
	"incident_id" uuid,
	"raw_pruned_at" timestamp with time zone
) PARTITION BY RANGE ("received_at");
--> statement-breakpoint
-- Before any partition exists, so every one inherits it (0026, 0028).
DO $$
BEGIN
  IF 'lz4' = ANY (SELECT unnest(enumvals) FROM pg_settings WHERE name = 'default_toast_compression') THEN
    ALTER TABLE alerts ALTER COLUMN raw SET COMPRESSION lz4;
  END IF;
END $$;
--> statement-breakpoint
CREATE TABLE alerts_default PARTITION OF alerts DEFAULT;
--> statement-breakpoint
SELECT wk_enable_tenant_rls('alerts_default');
--> statement-breakpoint
-- The months the existing alerts span, and two ahead of now.
SELECT wk_ensure_alert_partitions(
  (least((SELECT min(received_at) FROM alerts_unpartitioned), now()) AT TIME ZONE 'UTC')::date,
  (greatest((SELECT max(received_at) FROM alerts_unpartitioned), now() + interval '2 months') AT TIME ZONE 'UTC')::date);
--> statement-breakpoint

-- 4. The rows, then their keys, then the indexes (built once over the copied rows rather than row by row).
INSERT INTO alerts (id, customer_id, sensor_id, api_key_id, source, dedup_key, vendor_alert_id, vendor_status, product,
  title, description, severity, vendor_severity, event_time, original_event_time, clock_skew, vendor_created_at,
  received_at, last_seen_at, occurrences, techniques, tactics, entities, truncated, raw, status, verdict,
  verdict_reason, assignee_id, acknowledged_at, acknowledged_by, triaged_at, incident_id, raw_pruned_at)
SELECT id, customer_id, sensor_id, api_key_id, source, dedup_key, vendor_alert_id, vendor_status, product,
  title, description, severity, vendor_severity, event_time, original_event_time, clock_skew, vendor_created_at,
  received_at, last_seen_at, occurrences, techniques, tactics, entities, truncated, raw, status, verdict,
  verdict_reason, assignee_id, acknowledged_at, acknowledged_by, triaged_at, incident_id, raw_pruned_at
FROM alerts_unpartitioned;
--> statement-breakpoint
CREATE TABLE "alert_keys" (
	"customer_id" uuid NOT NULL,
	"dedup_key" text NOT NULL,
	"alert_id" uuid NOT NULL,
	"received_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
INSERT INTO alert_keys (customer_id, dedup_key, alert_id, received_at)
SELECT customer_id, dedup_key, id, received_at FROM alerts_unpartitioned;
--> statement-breakpoint
ALTER TABLE "alert_keys" ADD CONSTRAINT "alert_keys_pkey" PRIMARY KEY("customer_id","dedup_key");
--> statement-breakpoint
ALTER TABLE "alert_keys" ADD CONSTRAINT "alert_keys_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
DROP TABLE alerts_unpartitioned;
--> statement-breakpoint
ALTER TABLE "alerts" ADD CONSTRAINT "alerts_pkey" PRIMARY KEY("id","received_at");
--> statement-breakpoint
CREATE INDEX "alerts_customer_received_idx" ON "alerts" USING btree ("customer_id","received_at");
--> statement-breakpoint
CREATE INDEX "alerts_queue_idx" ON "alerts" USING btree ("status","received_at");
--> statement-breakpoint
CREATE INDEX "alerts_incident_idx" ON "alerts" USING btree ("incident_id") WHERE "alerts"."incident_id" is not null;
--> statement-breakpoint
CREATE INDEX "alerts_raw_held_idx" ON "alerts" USING btree ("received_at") WHERE "alerts"."raw_pruned_at" is null;
--> statement-breakpoint

-- 5. The foreign keys of 0001 and 0012/0025, under their names.
ALTER TABLE "alerts" ADD CONSTRAINT "alerts_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "alerts" ADD CONSTRAINT "alerts_assignee_id_user_id_fk" FOREIGN KEY ("assignee_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "alerts" ADD CONSTRAINT "alerts_acknowledged_by_user_id_fk" FOREIGN KEY ("acknowledged_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE alerts ADD CONSTRAINT alerts_incident_tenant_fk
  FOREIGN KEY (incident_id, customer_id) REFERENCES incidents (id, customer_id) ON DELETE SET NULL (incident_id);
--> statement-breakpoint
ALTER TABLE alerts ADD CONSTRAINT alerts_sensor_tenant_fk
  FOREIGN KEY (sensor_id, customer_id) REFERENCES sensors (id, customer_id) ON DELETE SET NULL (sensor_id);
--> statement-breakpoint

-- 6. Row-level security (0012) and the app role's grants, on both tables (partitions got theirs above).
SELECT wk_enable_tenant_rls('alerts');
--> statement-breakpoint
SELECT wk_enable_tenant_rls('alert_keys');
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON alerts, alerts_default, alert_keys TO wk_app;
