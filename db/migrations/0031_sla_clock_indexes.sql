DROP INDEX "sla_clocks_breach_idx";--> statement-breakpoint
CREATE INDEX "sla_clocks_unstopped_idx" ON "sla_clocks" USING btree ("due_at") WHERE stop_at is null;--> statement-breakpoint
CREATE INDEX "sla_clocks_breach_time_idx" ON "sla_clocks" USING btree ((case when "breached_at" is not null then "breached_at" else "due_at" end)) WHERE state = 'breached';--> statement-breakpoint
CREATE INDEX "sla_clocks_breach_idx" ON "sla_clocks" USING btree ("customer_id",(case when "breached_at" is not null then "breached_at" else "due_at" end)) WHERE state = 'breached';--> statement-breakpoint
-- Statistics for the new expression indexes now, not at the next autoanalyze: the planner needs them to pick them.
ANALYZE "sla_clocks";