-- The tenant key of sensors exists since the security migration (0012); the foreign keys below need it first.
CREATE UNIQUE INDEX IF NOT EXISTS "sensors_id_customer_key" ON "sensors" USING btree ("id","customer_id");--> statement-breakpoint
CREATE TABLE "sensor_heartbeat_hours" (
	"customer_id" uuid NOT NULL,
	"sensor_id" uuid NOT NULL,
	"hour" timestamp with time zone NOT NULL,
	"first_at" timestamp with time zone NOT NULL,
	"last_at" timestamp with time zone NOT NULL,
	"beats" integer DEFAULT 1 NOT NULL,
	"gaps" jsonb DEFAULT '[]'::jsonb NOT NULL,
	CONSTRAINT "sensor_heartbeat_hours_sensor_id_hour_pk" PRIMARY KEY("sensor_id","hour")
);
--> statement-breakpoint
CREATE TABLE "sensor_transitions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"customer_id" uuid NOT NULL,
	"sensor_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"silent_since" timestamp with time zone NOT NULL,
	"recovered_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"dismissed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "unsupported_agent_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"vendor" text NOT NULL,
	"product" text NOT NULL,
	"version" text NOT NULL,
	"note" text,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "sensors" ADD COLUMN "heartbeat_interval_seconds" integer DEFAULT 300 NOT NULL;--> statement-breakpoint
ALTER TABLE "sensors" ADD COLUMN "provides_classes" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "sensors" ADD COLUMN "silent_since" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "sensor_heartbeat_hours" ADD CONSTRAINT "sensor_heartbeat_hours_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sensor_heartbeat_hours" ADD CONSTRAINT "sensor_heartbeat_hours_sensor_id_customer_id_sensors_id_customer_id_fk" FOREIGN KEY ("sensor_id","customer_id") REFERENCES "public"."sensors"("id","customer_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sensor_transitions" ADD CONSTRAINT "sensor_transitions_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sensor_transitions" ADD CONSTRAINT "sensor_transitions_sensor_id_customer_id_sensors_id_customer_id_fk" FOREIGN KEY ("sensor_id","customer_id") REFERENCES "public"."sensors"("id","customer_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unsupported_agent_versions" ADD CONSTRAINT "unsupported_agent_versions_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "sensor_heartbeat_hours_customer_idx" ON "sensor_heartbeat_hours" USING btree ("customer_id","sensor_id","hour");--> statement-breakpoint
CREATE INDEX "sensor_transitions_customer_idx" ON "sensor_transitions" USING btree ("customer_id","sensor_id","created_at");--> statement-breakpoint
CREATE INDEX "sensor_transitions_created_idx" ON "sensor_transitions" USING btree ("created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "sensor_transitions_once_key" ON "sensor_transitions" USING btree ("sensor_id","kind","silent_since");--> statement-breakpoint
CREATE UNIQUE INDEX "unsupported_agent_versions_key" ON "unsupported_agent_versions" USING btree (lower("vendor"),lower("product"),lower("version"));--> statement-breakpoint
ALTER TABLE "sensors" ADD CONSTRAINT "sensors_interval_check" CHECK ("sensors"."heartbeat_interval_seconds" between 30 and 86400);