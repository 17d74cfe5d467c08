/**
 * The intake over real HTTP against the production server: a sensor key (made with the admin CLI) sends a CrowdStrike
 * detection, the same detection again, a batch with a bad item, and a heartbeat; bad keys and bodies get their statuses.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { BASE_URL } from "./lib";

const key = process.env.E2E_SENSOR_KEY ?? "";
const post = (path: string, body: string, k: string | null = key, type = "application/json") =>
  fetch(`${BASE_URL}${path}`, {
    method: "POST",
    body,
    headers: { "content-type": type, ...(k ? { authorization: `Bearer ${k}` } : {}) },
  });

const detection = (id: string) => ({
  composite_id: `e2e:${id}`,
  timestamp: new Date().toISOString(),
  severity: 70,
  severity_name: "High",
  display_name: "Office application launched encoded PowerShell",
  technique_id: "T1059.001",
  device: { device_id: "e2e-dev-1", hostname: "HAL-WS-0999", local_ip: "10.9.9.9" },
  user_name: "HALVORSEN\\e2e.user",
});

test("the intake answers as the contract says, over HTTP", async () => {
  assert.match(key, /^wk_/);
  const created = await post("/api/ingest/crowdstrike", JSON.stringify(detection("one")));
  assert.equal(created.status, 202);
  const c = await created.json();
  assert.equal(c.status, "created");
  assert.equal(c.severity, 4);
  assert.deepEqual(c.techniques, ["T1059.001"]);

  const again = await post("/api/ingest/crowdstrike", JSON.stringify(detection("one"), null, 2));
  assert.equal((await again.json()).alertId, c.alertId);

  const ndjson = [JSON.stringify(detection("two")), "{not json", JSON.stringify(detection("three"))].join("\n");
  const batch = await post("/api/ingest/crowdstrike", ndjson, key, "application/x-ndjson");
  assert.equal(batch.status, 200);
  const b = await batch.json();
  assert.equal(b.created, 2);
  assert.equal(b.rejected, 1);

  assert.equal((await post("/api/ingest/heartbeat", JSON.stringify({ version: "7.18", eps: 12 }))).status, 202);
  assert.equal((await post("/api/ingest/crowdstrike", JSON.stringify(detection("x")), null)).status, 401);
  assert.equal((await post("/api/ingest/zeek", JSON.stringify({ note: "Scan::Port_Scan", ts: 1 }))).status, 403);
  assert.equal((await post("/api/ingest/crowdstrike", "")).status, 400);
  assert.equal((await post("/api/ingest/crowdstrike", "[1]")).status, 200);
  assert.equal((await post("/api/ingest/crowdstrike", "42")).status, 422);
});
