-- A customer's incidents opened since an instant (issue 16): the live posture score and the recommendation rules read
-- the last 60 days of one customer's incidents, which read every incident the customer ever had (5,400 heap pages for
-- the largest customer at scale) and filtered by date.
CREATE INDEX "incidents_customer_created_idx" ON "incidents" USING btree ("customer_id","created_at");