CREATE TABLE "intake_rate_counters" (
	"bucket" text NOT NULL,
	"window" bigint NOT NULL,
	"points" integer NOT NULL,
	CONSTRAINT "intake_rate_counters_bucket_window_pk" PRIMARY KEY("bucket","window")
);
