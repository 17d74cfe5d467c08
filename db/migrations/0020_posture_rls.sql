-- Row-level security for the recommendation, hunt-scope and posture tables; an incident a recommendation or a hunt
-- names must be the same customer's.
SELECT wk_enable_tenant_rls('recommendations');
--> statement-breakpoint
SELECT wk_enable_tenant_rls('recommendation_events');
--> statement-breakpoint
SELECT wk_enable_tenant_rls('recommendation_dirty');
--> statement-breakpoint
SELECT wk_enable_tenant_rls('posture_scores');
--> statement-breakpoint
SELECT wk_enable_tenant_rls('hunt_customers');
--> statement-breakpoint
ALTER TABLE recommendations ADD CONSTRAINT recommendations_incident_tenant_fk
  FOREIGN KEY (incident_id, customer_id) REFERENCES incidents (id, customer_id) ON DELETE SET NULL (incident_id);
--> statement-breakpoint
ALTER TABLE hunt_customers ADD CONSTRAINT hunt_customers_incident_tenant_fk
  FOREIGN KEY (incident_id, customer_id) REFERENCES incidents (id, customer_id) ON DELETE SET NULL (incident_id);
