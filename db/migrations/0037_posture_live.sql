-- Each customer's live posture score as the posture job last computed it (issue 16): the console's overview of
-- 1,000 customers computed every live score while the manager waited (36 s at scale). One row a customer, replaced
-- by each refresh, behind the tenant policy like every table with customer_id.
CREATE TABLE "posture_live" (
	"customer_id" uuid PRIMARY KEY NOT NULL,
	"score" smallint NOT NULL,
	"band" text NOT NULL,
	"drivers" jsonb NOT NULL,
	"no_data" text[] DEFAULT '{}'::text[] NOT NULL,
	"computed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "posture_live" ADD CONSTRAINT "posture_live_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
SELECT wk_enable_tenant_rls('posture_live');
