-- The intake inserts every alert outside an incident: a partial index skips those entries (lookups by incident id are
-- unchanged; an equality on incident_id implies it is not null).
DROP INDEX "alerts_incident_idx";--> statement-breakpoint
CREATE INDEX "alerts_incident_idx" ON "alerts" USING btree ("incident_id") WHERE "alerts"."incident_id" is not null;