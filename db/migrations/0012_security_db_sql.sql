-- Security, the database half (issue 9): the app role, row-level security on every table with customer_id,
-- composite tenant foreign keys, and an append-only audit_log. Hand-written; see docs/security-db.md.

-- 1. The role request transactions run as (SET LOCAL ROLE wk_app). It owns nothing, so RLS binds it. Roles are
-- cluster-wide: several databases (tests, other deployments) may create it at once.
-- (A DBA may create it beforehand; otherwise the migrating role needs CREATEROLE.)
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'wk_app') THEN
    CREATE ROLE wk_app NOLOGIN;
  END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
END $$;
--> statement-breakpoint
DO $$
BEGIN
  EXECUTE format('GRANT wk_app TO %I', current_user);
EXCEPTION WHEN OTHERS THEN NULL; -- already a member, or a superuser that needs no membership
END $$;
--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO wk_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO wk_app;
--> statement-breakpoint
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO wk_app;
--> statement-breakpoint
-- Tables and sequences that later migrations create get the same grants (a new table with customer_id must still
-- get its policy: db/rls.int.test.ts fails until it has one).
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO wk_app;
--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO wk_app;
--> statement-breakpoint

-- 2. The tenant predicate and the one function that puts a table behind it. For a new tenant-owned table, a custom
-- migration adds one line: SELECT wk_enable_tenant_rls('my_table');
CREATE OR REPLACE FUNCTION wk_tenant_visible(cid uuid) RETURNS boolean
LANGUAGE sql STABLE AS $$
  SELECT coalesce(current_setting('app.scope', true), '') IN ('staff', 'system')
      OR (cid IS NOT NULL AND cid = nullif(current_setting('app.customer_id', true), '')::uuid)
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION wk_enable_tenant_rls(tbl regclass) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format('ALTER TABLE %s ENABLE ROW LEVEL SECURITY', tbl);
  EXECUTE format('DROP POLICY IF EXISTS wk_tenant ON %s', tbl);
  EXECUTE format('CREATE POLICY wk_tenant ON %s USING (wk_tenant_visible(customer_id)) '
                 'WITH CHECK (wk_tenant_visible(customer_id))', tbl);
END $$;
--> statement-breakpoint
SELECT wk_enable_tenant_rls('alerts');
--> statement-breakpoint
SELECT wk_enable_tenant_rls('incidents');
--> statement-breakpoint
SELECT wk_enable_tenant_rls('incident_entities');
--> statement-breakpoint
SELECT wk_enable_tenant_rls('incident_events');
--> statement-breakpoint
SELECT wk_enable_tenant_rls('incident_techniques');
--> statement-breakpoint
SELECT wk_enable_tenant_rls('incident_tasks');
--> statement-breakpoint
SELECT wk_enable_tenant_rls('observables');
--> statement-breakpoint
SELECT wk_enable_tenant_rls('response_actions');
--> statement-breakpoint
SELECT wk_enable_tenant_rls('contracts');
--> statement-breakpoint
SELECT wk_enable_tenant_rls('contract_versions');
--> statement-breakpoint
SELECT wk_enable_tenant_rls('sla_clocks');
--> statement-breakpoint
SELECT wk_enable_tenant_rls('sla_monthly');
--> statement-breakpoint
SELECT wk_enable_tenant_rls('sla_monthly_dirty');
--> statement-breakpoint
SELECT wk_enable_tenant_rls('sla_alerts');
--> statement-breakpoint
SELECT wk_enable_tenant_rls('sensors');
--> statement-breakpoint
SELECT wk_enable_tenant_rls('api_keys');
--> statement-breakpoint
SELECT wk_enable_tenant_rls('sensor_heartbeats');
--> statement-breakpoint
SELECT wk_enable_tenant_rls('sensor_health_events');
--> statement-breakpoint
SELECT wk_enable_tenant_rls('report_versions');
--> statement-breakpoint
SELECT wk_enable_tenant_rls('report_jobs');
--> statement-breakpoint
SELECT wk_enable_tenant_rls('report_deliveries');
--> statement-breakpoint
SELECT wk_enable_tenant_rls('customer_contacts');
--> statement-breakpoint
-- Nullable customer_id: a null row belongs to the provider and is visible in staff/system scope only.
SELECT wk_enable_tenant_rls('invitations');
--> statement-breakpoint
SELECT wk_enable_tenant_rls('email_outbox');
--> statement-breakpoint
SELECT wk_enable_tenant_rls('audit_log');
--> statement-breakpoint
SELECT wk_enable_tenant_rls('memberships');
--> statement-breakpoint
-- The ladder reads the signed-in user's own membership before it knows the tenant (app.user_id, set by
-- protectedProcedure). Read only.
CREATE POLICY wk_self ON memberships FOR SELECT
  USING (user_id = nullif(current_setting('app.user_id', true), ''));
--> statement-breakpoint

-- 3. Composite tenant foreign keys: a child's customer_id must be its parent's.
CREATE UNIQUE INDEX IF NOT EXISTS incidents_id_customer_key ON incidents (id, customer_id);
--> statement-breakpoint
CREATE UNIQUE INDEX IF NOT EXISTS sensors_id_customer_key ON sensors (id, customer_id);
--> statement-breakpoint
CREATE UNIQUE INDEX IF NOT EXISTS contracts_id_customer_key ON contracts (id, customer_id);
--> statement-breakpoint
CREATE UNIQUE INDEX IF NOT EXISTS contract_versions_id_customer_key ON contract_versions (id, customer_id);
--> statement-breakpoint
CREATE UNIQUE INDEX IF NOT EXISTS sla_clocks_id_customer_key ON sla_clocks (id, customer_id);
--> statement-breakpoint
CREATE UNIQUE INDEX IF NOT EXISTS report_versions_id_customer_key ON report_versions (id, customer_id);
--> statement-breakpoint
ALTER TABLE incident_entities ADD CONSTRAINT incident_entities_incident_tenant_fk
  FOREIGN KEY (incident_id, customer_id) REFERENCES incidents (id, customer_id) ON DELETE CASCADE;
--> statement-breakpoint
ALTER TABLE incident_events ADD CONSTRAINT incident_events_incident_tenant_fk
  FOREIGN KEY (incident_id, customer_id) REFERENCES incidents (id, customer_id) ON DELETE CASCADE;
--> statement-breakpoint
ALTER TABLE incident_techniques ADD CONSTRAINT incident_techniques_incident_tenant_fk
  FOREIGN KEY (incident_id, customer_id) REFERENCES incidents (id, customer_id) ON DELETE CASCADE;
--> statement-breakpoint
ALTER TABLE incident_tasks ADD CONSTRAINT incident_tasks_incident_tenant_fk
  FOREIGN KEY (incident_id, customer_id) REFERENCES incidents (id, customer_id) ON DELETE CASCADE;
--> statement-breakpoint
ALTER TABLE observables ADD CONSTRAINT observables_incident_tenant_fk
  FOREIGN KEY (incident_id, customer_id) REFERENCES incidents (id, customer_id) ON DELETE CASCADE;
--> statement-breakpoint
ALTER TABLE response_actions ADD CONSTRAINT response_actions_incident_tenant_fk
  FOREIGN KEY (incident_id, customer_id) REFERENCES incidents (id, customer_id) ON DELETE CASCADE;
--> statement-breakpoint
ALTER TABLE sla_clocks ADD CONSTRAINT sla_clocks_incident_tenant_fk
  FOREIGN KEY (incident_id, customer_id) REFERENCES incidents (id, customer_id) ON DELETE CASCADE;
--> statement-breakpoint
ALTER TABLE sla_clocks ADD CONSTRAINT sla_clocks_contract_version_tenant_fk
  FOREIGN KEY (contract_version_id, customer_id) REFERENCES contract_versions (id, customer_id)
  ON DELETE SET NULL (contract_version_id);
--> statement-breakpoint
ALTER TABLE sla_alerts ADD CONSTRAINT sla_alerts_incident_tenant_fk
  FOREIGN KEY (incident_id, customer_id) REFERENCES incidents (id, customer_id) ON DELETE CASCADE;
--> statement-breakpoint
ALTER TABLE sla_alerts ADD CONSTRAINT sla_alerts_clock_tenant_fk
  FOREIGN KEY (clock_id, customer_id) REFERENCES sla_clocks (id, customer_id) ON DELETE CASCADE;
--> statement-breakpoint
ALTER TABLE incidents ADD CONSTRAINT incidents_contract_version_tenant_fk
  FOREIGN KEY (contract_version_id, customer_id) REFERENCES contract_versions (id, customer_id)
  ON DELETE SET NULL (contract_version_id);
--> statement-breakpoint
ALTER TABLE alerts ADD CONSTRAINT alerts_incident_tenant_fk
  FOREIGN KEY (incident_id, customer_id) REFERENCES incidents (id, customer_id) ON DELETE SET NULL (incident_id);
--> statement-breakpoint
ALTER TABLE alerts ADD CONSTRAINT alerts_sensor_tenant_fk
  FOREIGN KEY (sensor_id, customer_id) REFERENCES sensors (id, customer_id) ON DELETE SET NULL (sensor_id);
--> statement-breakpoint
ALTER TABLE contract_versions ADD CONSTRAINT contract_versions_contract_tenant_fk
  FOREIGN KEY (contract_id, customer_id) REFERENCES contracts (id, customer_id) ON DELETE CASCADE;
--> statement-breakpoint
ALTER TABLE api_keys ADD CONSTRAINT api_keys_sensor_tenant_fk
  FOREIGN KEY (sensor_id, customer_id) REFERENCES sensors (id, customer_id) ON DELETE CASCADE;
--> statement-breakpoint
ALTER TABLE sensor_heartbeats ADD CONSTRAINT sensor_heartbeats_sensor_tenant_fk
  FOREIGN KEY (sensor_id, customer_id) REFERENCES sensors (id, customer_id) ON DELETE CASCADE;
--> statement-breakpoint
ALTER TABLE sensor_health_events ADD CONSTRAINT sensor_health_events_sensor_tenant_fk
  FOREIGN KEY (sensor_id, customer_id) REFERENCES sensors (id, customer_id) ON DELETE CASCADE;
--> statement-breakpoint
ALTER TABLE report_deliveries ADD CONSTRAINT report_deliveries_version_tenant_fk
  FOREIGN KEY (report_version_id, customer_id) REFERENCES report_versions (id, customer_id) ON DELETE CASCADE;
--> statement-breakpoint
ALTER TABLE report_jobs ADD CONSTRAINT report_jobs_version_tenant_fk
  FOREIGN KEY (report_version_id, customer_id) REFERENCES report_versions (id, customer_id)
  ON DELETE SET NULL (report_version_id);
--> statement-breakpoint

-- 4. audit_log is append-only: the app role may only read and append, and a trigger refuses UPDATE, DELETE and
-- TRUNCATE from anyone (the owner included; a superuser can still disable triggers: the keyed chain and the
-- checkpoints kept outside the database are what catch that).
REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM wk_app;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION wk_audit_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END $$;
--> statement-breakpoint
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION wk_audit_append_only();
--> statement-breakpoint
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION wk_audit_append_only();
--> statement-breakpoint
-- The chain's head for an append made in a customer's scope (which cannot see other customers' entries). Gives
-- only the newest seq and hash.
CREATE OR REPLACE FUNCTION wk_audit_head() RETURNS TABLE (seq bigint, hash text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT a.seq, a.hash FROM audit_log a ORDER BY a.seq DESC LIMIT 1
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION wk_audit_head() FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION wk_audit_head() TO wk_app;
