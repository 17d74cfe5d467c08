-- Row-level security and composite tenant foreign keys for the asset tables (they landed beside the security migration).
SELECT wk_enable_tenant_rls('assets');
--> statement-breakpoint
SELECT wk_enable_tenant_rls('asset_sightings');
--> statement-breakpoint
ALTER TABLE asset_sightings ADD CONSTRAINT asset_sightings_sensor_tenant_fk
  FOREIGN KEY (sensor_id, customer_id) REFERENCES sensors (id, customer_id) ON DELETE CASCADE;
