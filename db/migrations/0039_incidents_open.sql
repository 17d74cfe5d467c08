-- The open incidents counted by state, assignee and customer (issue 16): the manager's home counts them three ways
-- (by state and assignee, each analyst's load, each customer's open and critical), and each read visited as many heap
-- pages as there are open incidents among 500,000 (29 ms at scale). A partial covering index makes each an index-only
-- read of a few thousand entries (1.8 ms). Hand-written: drizzle's index builder has no INCLUDE. Queries that say
-- `status in (<the open statuses>)` use it: each of those implies `status <> 'closed'`.
CREATE INDEX "incidents_open_idx" ON "incidents" USING btree ("status", "assignee_id", "customer_id")
  INCLUDE ("severity", "severity_override") WHERE "status" <> 'closed';
