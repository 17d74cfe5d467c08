import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db";
import { createSensor } from "@/server/sensors/service";
import { systemContext } from "@/server/tenancy/tenant";
import { closeTestDatabase, createTestDatabase } from "@/server/testing/db";
import { createTestCustomer, seedProvider } from "@/server/testing/factories";
import { markSchedulerTick, readiness } from "./health";
import { observeIntake } from "./intake";
import { metrics, scrape } from "./metrics";

let h: DatabaseHandle;
beforeAll(async () => {
  h = await createTestDatabase();
  await seedProvider(h.db);
  const c = await createTestCustomer(h.db);
  await createSensor(
    { ...systemContext(h.db, "test"), tenant: c.tenant },
    { name: "edge", sensorClass: "edr", vendor: "v", product: "p", sourceFormat: "crowdstrike", site: null },
  );
});
afterAll(closeTestDatabase);

describe("readiness", () => {
  it("reports the database, current migrations and a live scheduler", async () => {
    markSchedulerTick();
    const r = await readiness(h);
    expect(r.checks.map((c) => c.name)).toEqual(["database", "migrations", "jobs"]);
    expect(r.ok).toBe(true);
  });
  it("is not ready when the scheduler has stopped ticking", async () => {
    markSchedulerTick(Date.now() - 120_000);
    const r = await readiness(h);
    expect(r.ok).toBe(false);
    expect(r.checks.find((c) => c.name === "jobs")?.ok).toBe(false);
  });
});

describe("metrics", () => {
  it("exposes every series the operations page names", async () => {
    await observeIntake("crowdstrike", async () => new Response("{}", { status: 202 }));
    await observeIntake("not-a-source", async () => new Response("{}", { status: 404 }));
    metrics.intakeAlerts.inc({ source: "crowdstrike", outcome: "created" });
    metrics.reportRenders.observe({ outcome: "ok" }, 0.5);
    metrics.jobDuration.observe({ job: "sla-sweep", outcome: "ok" }, 0.01);
    metrics.emails.inc({ outcome: "outbox" });
    metrics.requests.observe({ procedure: "alerts.list", outcome: "ok" }, 0.02);
    const { body, contentType } = await scrape(h);
    expect(contentType).toContain("text/plain");
    for (const series of [
      'wk_intake_requests_total{source="crowdstrike",status="202",app="watchkeeper"} 1',
      'wk_intake_requests_total{source="unknown",status="404"',
      "wk_intake_alerts_total",
      "wk_intake_request_duration_seconds_bucket",
      "wk_alert_queue_depth",
      "wk_open_incidents",
      "wk_sla_clocks",
      "wk_job_duration_seconds_bucket",
      "wk_report_render_duration_seconds_bucket",
      "wk_email_deliveries_total",
      "wk_email_outbox",
      "wk_db_pool_connections",
      "wk_event_loop_lag_seconds",
      "wk_trpc_request_duration_seconds_bucket",
    ]) {
      expect(body).toContain(series);
    }
    // The pool by state: on PostgreSQL this process's own connections (the scrape's query is one of them, active).
    expect(body).toMatch(/^wk_db_pool_connections\{state="max",app="watchkeeper"\} [1-9]/m);
    expect(body).toMatch(/^wk_db_pool_connections\{state="active",app="watchkeeper"\} [1-9]/m);
    // No tenant data in the exposition: only counts.
    expect(body).not.toMatch(/customer_id|@/);
  });
});
