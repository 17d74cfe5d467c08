-- sla_clocks carried two identical unique keys on (id, customer_id): sla_clocks_id_customer_key (hand-written in
-- 0012) and sla_clocks_tenant_key (declared in db/schema/contracts.ts, 0017). Both tenant foreign keys to the table
-- rested on the hand-written one; they are re-pointed to the declared key and the duplicate is dropped. The
-- constraints keep their names and actions.
ALTER TABLE sla_alerts DROP CONSTRAINT sla_alerts_clock_tenant_fk;
--> statement-breakpoint
ALTER TABLE sla_banner_dismissals DROP CONSTRAINT sla_banner_dismissals_clock_id_customer_id_sla_clocks_id_customer_id_fk;
--> statement-breakpoint
DROP INDEX sla_clocks_id_customer_key;
--> statement-breakpoint
ALTER TABLE sla_alerts ADD CONSTRAINT sla_alerts_clock_tenant_fk
  FOREIGN KEY (clock_id, customer_id) REFERENCES sla_clocks (id, customer_id) ON DELETE CASCADE;
--> statement-breakpoint
ALTER TABLE sla_banner_dismissals ADD CONSTRAINT sla_banner_dismissals_clock_id_customer_id_sla_clocks_id_customer_id_fk
  FOREIGN KEY (clock_id, customer_id) REFERENCES sla_clocks (id, customer_id) ON DELETE CASCADE;
