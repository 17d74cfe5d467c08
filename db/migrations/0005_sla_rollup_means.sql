ALTER TABLE "sla_monthly" ADD COLUMN "stopped" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "sla_monthly" ADD COLUMN "elapsed_sum_ms" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
-- Rebuild every month so the new columns are filled.
INSERT INTO "sla_monthly_dirty" ("customer_id", "month") SELECT DISTINCT "customer_id", "month" FROM "sla_monthly" ON CONFLICT DO NOTHING;
