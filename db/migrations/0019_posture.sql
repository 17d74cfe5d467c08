CREATE TABLE "hunt_customers" (
	"customer_id" uuid NOT NULL,
	"hunt_id" uuid NOT NULL,
	"incident_id" uuid,
	CONSTRAINT "hunt_customers_customer_id_hunt_id_pk" PRIMARY KEY("customer_id","hunt_id")
);
--> statement-breakpoint
CREATE TABLE "hunts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"hypothesis" text NOT NULL,
	"techniques" text[] DEFAULT '{}'::text[] NOT NULL,
	"data_components" text[] DEFAULT '{}'::text[] NOT NULL,
	"all_customers" boolean DEFAULT false NOT NULL,
	"period_from" timestamp with time zone NOT NULL,
	"period_to" timestamp with time zone NOT NULL,
	"analyst_id" text,
	"effort_hours" real DEFAULT 0 NOT NULL,
	"status" text DEFAULT 'planned' NOT NULL,
	"findings" text,
	"customer_summary" text,
	"outcome" text,
	"concluded_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "posture_scores" (
	"customer_id" uuid NOT NULL,
	"month" text NOT NULL,
	"score" smallint NOT NULL,
	"band" text NOT NULL,
	"drivers" jsonb NOT NULL,
	"no_data" text[] DEFAULT '{}'::text[] NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "posture_scores_customer_id_month_pk" PRIMARY KEY("customer_id","month")
);
--> statement-breakpoint
CREATE TABLE "recommendation_dirty" (
	"customer_id" uuid PRIMARY KEY NOT NULL,
	"marked_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "recommendation_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"customer_id" uuid NOT NULL,
	"recommendation_id" uuid NOT NULL,
	"at" timestamp (3) with time zone NOT NULL,
	"kind" text NOT NULL,
	"from_status" text,
	"to_status" text,
	"actor_id" text,
	"actor_label" text NOT NULL,
	"actor_side" text NOT NULL,
	"body" text,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "recommendations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"customer_id" uuid NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"severity" text NOT NULL,
	"category" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"origin" text NOT NULL,
	"dedup_key" text,
	"evidence" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"incident_id" uuid,
	"hunt_id" uuid,
	"reason" text,
	"review_at" timestamp with time zone,
	"created_by" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"notified_at" timestamp with time zone,
	CONSTRAINT "recommendations_id_customer_key" UNIQUE("id","customer_id")
);
--> statement-breakpoint
ALTER TABLE "hunt_customers" ADD CONSTRAINT "hunt_customers_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hunt_customers" ADD CONSTRAINT "hunt_customers_hunt_id_hunts_id_fk" FOREIGN KEY ("hunt_id") REFERENCES "public"."hunts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hunt_customers" ADD CONSTRAINT "hunt_customers_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hunts" ADD CONSTRAINT "hunts_analyst_id_user_id_fk" FOREIGN KEY ("analyst_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "posture_scores" ADD CONSTRAINT "posture_scores_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recommendation_dirty" ADD CONSTRAINT "recommendation_dirty_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recommendation_events" ADD CONSTRAINT "recommendation_events_parent_fk" FOREIGN KEY ("recommendation_id","customer_id") REFERENCES "public"."recommendations"("id","customer_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recommendations" ADD CONSTRAINT "recommendations_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recommendations" ADD CONSTRAINT "recommendations_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recommendations" ADD CONSTRAINT "recommendations_hunt_id_hunts_id_fk" FOREIGN KEY ("hunt_id") REFERENCES "public"."hunts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recommendations" ADD CONSTRAINT "recommendations_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "hunt_customers_hunt_idx" ON "hunt_customers" USING btree ("hunt_id");--> statement-breakpoint
CREATE INDEX "hunts_status_idx" ON "hunts" USING btree ("status","period_to");--> statement-breakpoint
CREATE INDEX "recommendation_events_idx" ON "recommendation_events" USING btree ("customer_id","recommendation_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "recommendations_dedup_key" ON "recommendations" USING btree ("customer_id","dedup_key") WHERE "recommendations"."dedup_key" is not null;--> statement-breakpoint
CREATE INDEX "recommendations_customer_idx" ON "recommendations" USING btree ("customer_id","status","severity");--> statement-breakpoint
CREATE INDEX "recommendations_review_idx" ON "recommendations" USING btree ("review_at") WHERE "recommendations"."status" = 'risk_accepted';