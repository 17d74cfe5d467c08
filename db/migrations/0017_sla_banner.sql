CREATE UNIQUE INDEX IF NOT EXISTS "sla_clocks_tenant_key" ON "sla_clocks" USING btree ("id","customer_id");--> statement-breakpoint
CREATE TABLE "sla_banner_dismissals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"customer_id" uuid NOT NULL,
	"clock_id" uuid NOT NULL,
	"state" text NOT NULL,
	"user_id" text,
	"resolved_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "sla_banner_dismissals" ADD CONSTRAINT "sla_banner_dismissals_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sla_banner_dismissals" ADD CONSTRAINT "sla_banner_dismissals_resolved_by_user_id_fk" FOREIGN KEY ("resolved_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sla_banner_dismissals" ADD CONSTRAINT "sla_banner_dismissals_clock_id_customer_id_sla_clocks_id_customer_id_fk" FOREIGN KEY ("clock_id","customer_id") REFERENCES "public"."sla_clocks"("id","customer_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "sla_banner_dismissals_customer_idx" ON "sla_banner_dismissals" USING btree ("customer_id","clock_id");--> statement-breakpoint
CREATE UNIQUE INDEX "sla_banner_dismissals_once_key" ON "sla_banner_dismissals" USING btree ("clock_id","state",coalesce("user_id", ''));