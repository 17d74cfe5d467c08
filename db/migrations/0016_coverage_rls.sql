-- Row-level security for the coverage tables (the hourly heartbeat rows and the silent/recovered transitions).
SELECT wk_enable_tenant_rls('sensor_heartbeat_hours');
--> statement-breakpoint
SELECT wk_enable_tenant_rls('sensor_transitions');
