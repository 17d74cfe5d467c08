-- The queue as it opens, without sorting every open alert (~150 ms at 10 M alerts before; server/alerts/queries.ts
-- pageKeys): open alerts in no incident read in order as far as the page reaches (the id breaks ties: a batch from
-- the intake shares one received_at), and the few open alerts in an incident found directly to sort by their SLA.
CREATE INDEX "alerts_open_loose_idx" ON "alerts" USING btree ("severity" DESC NULLS FIRST,"received_at","id") WHERE "alerts"."status" in ('new', 'acknowledged') and "alerts"."incident_id" is null;--> statement-breakpoint
CREATE INDEX "alerts_open_attached_idx" ON "alerts" USING btree ("incident_id") WHERE "alerts"."status" in ('new', 'acknowledged') and "alerts"."incident_id" is not null;