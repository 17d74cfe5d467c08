CREATE TABLE "asset_sightings" (
	"customer_id" uuid NOT NULL,
	"asset_id" uuid NOT NULL,
	"sensor_id" uuid NOT NULL,
	"first_seen_at" timestamp with time zone NOT NULL,
	"last_seen_at" timestamp with time zone NOT NULL,
	CONSTRAINT "asset_sightings_asset_id_sensor_id_pk" PRIMARY KEY("asset_id","sensor_id")
);
--> statement-breakpoint
CREATE TABLE "assets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"customer_id" uuid NOT NULL,
	"identity_key" text NOT NULL,
	"agent_id" text,
	"fqdn" text,
	"hostname" text,
	"ip" text,
	"os" text,
	"owner" text,
	"criticality" text,
	"first_seen_at" timestamp with time zone NOT NULL,
	"last_seen_at" timestamp with time zone NOT NULL,
	"imported_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "assets_identity_key" UNIQUE("customer_id","identity_key"),
	CONSTRAINT "assets_id_customer_key" UNIQUE("id","customer_id")
);
--> statement-breakpoint
ALTER TABLE "asset_sightings" ADD CONSTRAINT "asset_sightings_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "asset_sightings" ADD CONSTRAINT "asset_sightings_sensor_id_sensors_id_fk" FOREIGN KEY ("sensor_id") REFERENCES "public"."sensors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "asset_sightings" ADD CONSTRAINT "asset_sightings_asset_id_customer_id_assets_id_customer_id_fk" FOREIGN KEY ("asset_id","customer_id") REFERENCES "public"."assets"("id","customer_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assets" ADD CONSTRAINT "assets_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "asset_sightings_customer_idx" ON "asset_sightings" USING btree ("customer_id","sensor_id","last_seen_at");--> statement-breakpoint
CREATE INDEX "assets_customer_seen_idx" ON "assets" USING btree ("customer_id","last_seen_at");--> statement-breakpoint
CREATE INDEX "assets_customer_agent_idx" ON "assets" USING btree ("customer_id","agent_id");--> statement-breakpoint
CREATE INDEX "assets_customer_fqdn_idx" ON "assets" USING btree ("customer_id","fqdn");--> statement-breakpoint
CREATE INDEX "assets_customer_hostname_idx" ON "assets" USING btree ("customer_id","hostname");