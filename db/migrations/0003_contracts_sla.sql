CREATE TABLE "contract_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"customer_id" uuid NOT NULL,
	"contract_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"effective_from" timestamp with time zone NOT NULL,
	"tier" text NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date NOT NULL,
	"auto_renew" boolean NOT NULL,
	"notice_days" integer NOT NULL,
	"licensed_endpoints" integer NOT NULL,
	"licensed_sensors" integer NOT NULL,
	"monitored_classes" text[] DEFAULT '{}'::text[] NOT NULL,
	"coverage" jsonb NOT NULL,
	"sla_targets" jsonb NOT NULL,
	"pause_on_customer" boolean NOT NULL,
	"clock_start" text DEFAULT 'received' NOT NULL,
	"at_risk_share" real DEFAULT 0.25 NOT NULL,
	"allowed_actions" text[] DEFAULT '{}'::text[] NOT NULL,
	"note" text,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "contracts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"customer_id" uuid NOT NULL,
	"reference" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "job_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"job" text NOT NULL,
	"slot" text NOT NULL,
	"claimed_by" text NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	"error" text,
	"result" jsonb
);
--> statement-breakpoint
CREATE TABLE "sla_alerts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"customer_id" uuid NOT NULL,
	"incident_id" uuid NOT NULL,
	"clock_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"metric" text NOT NULL,
	"due_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"dismissed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "sla_clocks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"customer_id" uuid NOT NULL,
	"incident_id" uuid NOT NULL,
	"contract_version_id" uuid,
	"metric" text NOT NULL,
	"severity" text NOT NULL,
	"target_minutes" integer NOT NULL,
	"start_at" timestamp (3) with time zone NOT NULL,
	"pauses" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"stop_at" timestamp (3) with time zone,
	"stopped_by" text,
	"due_at" timestamp (3) with time zone,
	"at_risk_due_at" timestamp (3) with time zone,
	"state" text NOT NULL,
	"elapsed_ms" bigint NOT NULL,
	"at_risk_at" timestamp with time zone,
	"breached_at" timestamp with time zone,
	"at_risk_notified_at" timestamp with time zone,
	"breach_notified_at" timestamp with time zone,
	"breached_assignee_id" text,
	"computed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "incidents" ADD COLUMN "contract_version_id" uuid;--> statement-breakpoint
ALTER TABLE "contract_versions" ADD CONSTRAINT "contract_versions_contract_id_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."contracts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_versions" ADD CONSTRAINT "contract_versions_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contracts" ADD CONSTRAINT "contracts_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sla_alerts" ADD CONSTRAINT "sla_alerts_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sla_alerts" ADD CONSTRAINT "sla_alerts_clock_id_sla_clocks_id_fk" FOREIGN KEY ("clock_id") REFERENCES "public"."sla_clocks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sla_clocks" ADD CONSTRAINT "sla_clocks_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sla_clocks" ADD CONSTRAINT "sla_clocks_contract_version_id_contract_versions_id_fk" FOREIGN KEY ("contract_version_id") REFERENCES "public"."contract_versions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "contract_versions_number_key" ON "contract_versions" USING btree ("contract_id","version");--> statement-breakpoint
CREATE INDEX "contract_versions_customer_idx" ON "contract_versions" USING btree ("customer_id","effective_from");--> statement-breakpoint
CREATE INDEX "contracts_customer_idx" ON "contracts" USING btree ("customer_id");--> statement-breakpoint
CREATE UNIQUE INDEX "contracts_reference_key" ON "contracts" USING btree ("customer_id","reference");--> statement-breakpoint
CREATE UNIQUE INDEX "job_runs_slot_key" ON "job_runs" USING btree ("job","slot");--> statement-breakpoint
CREATE INDEX "job_runs_started_idx" ON "job_runs" USING btree ("job","started_at");--> statement-breakpoint
CREATE UNIQUE INDEX "sla_alerts_once_key" ON "sla_alerts" USING btree ("clock_id","kind");--> statement-breakpoint
CREATE INDEX "sla_alerts_created_idx" ON "sla_alerts" USING btree ("created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "sla_clocks_metric_key" ON "sla_clocks" USING btree ("incident_id","metric");--> statement-breakpoint
CREATE INDEX "sla_clocks_customer_idx" ON "sla_clocks" USING btree ("customer_id","start_at");--> statement-breakpoint
CREATE INDEX "sla_clocks_open_idx" ON "sla_clocks" USING btree ("state","due_at");--> statement-breakpoint
CREATE INDEX "sla_clocks_risk_idx" ON "sla_clocks" USING btree ("state","at_risk_due_at");