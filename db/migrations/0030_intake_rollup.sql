CREATE TABLE "alert_intake_quarters" (
	"starts_at" timestamp with time zone PRIMARY KEY NOT NULL,
	"received" integer NOT NULL,
	"needing_triage" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "alert_intake_rollup" (
	"id" boolean PRIMARY KEY DEFAULT true NOT NULL,
	"through" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "alert_intake_rollup_one_row" CHECK ("alert_intake_rollup"."id")
);
