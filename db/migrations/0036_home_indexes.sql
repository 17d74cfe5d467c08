-- The manager's home at 10 M alerts (issue 16): who holds which acknowledged alerts read from a partial index (the
-- intake writes no entry: new alerts are not in it), and the approvals answered found by status rather than by reading
-- every response action (28,557 at scale, 9 ms).
CREATE INDEX "alerts_acknowledged_idx" ON "alerts" USING btree ("assignee_id") WHERE "alerts"."status" = 'acknowledged';--> statement-breakpoint
CREATE INDEX "response_actions_answered_idx" ON "response_actions" USING btree ("status","decided_at");