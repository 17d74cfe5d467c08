CREATE TABLE "sla_monthly" (
	"customer_id" uuid NOT NULL,
	"month" text NOT NULL,
	"severity" text NOT NULL,
	"metric" text NOT NULL,
	"met" integer NOT NULL,
	"breached" integer NOT NULL,
	"open" integer NOT NULL,
	CONSTRAINT "sla_monthly_customer_id_month_severity_metric_pk" PRIMARY KEY("customer_id","month","severity","metric")
);
--> statement-breakpoint
CREATE TABLE "sla_monthly_dirty" (
	"customer_id" uuid NOT NULL,
	"month" text NOT NULL,
	CONSTRAINT "sla_monthly_dirty_customer_id_month_pk" PRIMARY KEY("customer_id","month")
);
--> statement-breakpoint
DROP INDEX "sla_clocks_open_idx";--> statement-breakpoint
DROP INDEX "sla_clocks_risk_idx";--> statement-breakpoint
CREATE INDEX "sla_monthly_month_idx" ON "sla_monthly" USING btree ("month");--> statement-breakpoint
CREATE INDEX "sla_clocks_due_idx" ON "sla_clocks" USING btree ("due_at") WHERE state in ('running', 'at_risk');--> statement-breakpoint
CREATE INDEX "sla_clocks_risk_idx" ON "sla_clocks" USING btree ("at_risk_due_at") WHERE state = 'running';--> statement-breakpoint
-- Existing clocks: every customer month they touch is dirty, so the first read builds the rollup.
INSERT INTO "sla_monthly_dirty" ("customer_id", "month")
SELECT DISTINCT c."customer_id", to_char(c."start_at" AT TIME ZONE cu."timezone", 'YYYY-MM')
FROM "sla_clocks" c JOIN "customers" cu ON cu."id" = c."customer_id"
ON CONFLICT DO NOTHING;
