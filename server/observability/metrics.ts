import { monitorEventLoopDelay } from "node:perf_hooks";
import { Counter, Gauge, Histogram, Registry } from "prom-client";
import type { DatabaseHandle } from "@/db";
import { readGauges, readPoolStates } from "./queries";

/**
 * Prometheus metrics of this process (GET /metrics). One registry per process on globalThis: Next bundles routes and
 * instrumentation separately, and every bundle must count into the same series. Gauges that describe the database
 * (queue depth, open incidents, SLA clocks, outbox) are read when scraped, so every instance reports the same truth.
 */
type Metrics = ReturnType<typeof create>;

function create() {
  const registry = new Registry();
  registry.setDefaultLabels({ app: "watchkeeper" });
  const intakeRequests = new Counter({
    name: "wk_intake_requests_total",
    help: "Intake HTTP requests by source and outcome (HTTP status)",
    labelNames: ["source", "status"] as const,
    registers: [registry],
  });
  const intakeAlerts = new Counter({
    name: "wk_intake_alerts_total",
    help: "Alerts received by the intake by source and outcome (created, updated, rejected, ignored)",
    labelNames: ["source", "outcome"] as const,
    registers: [registry],
  });
  const intakeLatency = new Histogram({
    name: "wk_intake_request_duration_seconds",
    help: "Intake request duration from the first byte read to the answer",
    labelNames: ["source"] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const intakeRetries = new Counter({
    name: "wk_intake_retries_total",
    help: "Intake transactions run again after a deadlock (40P01) or a serialization failure (40001), by code",
    labelNames: ["code"] as const,
    registers: [registry],
  });
  const jobDuration = new Histogram({
    name: "wk_job_duration_seconds",
    help: "Scheduled job runs (SLA sweep, reminders, month-end queue…) by job and outcome",
    labelNames: ["job", "outcome"] as const,
    buckets: [0.005, 0.01, 0.05, 0.1, 0.5, 1, 5, 30, 120],
    registers: [registry],
  });
  const reportRenders = new Histogram({
    name: "wk_report_render_duration_seconds",
    help: "Monthly report PDF renders by outcome",
    labelNames: ["outcome"] as const,
    buckets: [0.1, 0.25, 0.5, 1, 2, 5, 10],
    registers: [registry],
  });
  const emails = new Counter({
    name: "wk_email_deliveries_total",
    help: "E-mails recorded (outbox) or delivered over SMTP, and failures",
    labelNames: ["outcome"] as const,
    registers: [registry],
  });
  const requests = new Histogram({
    name: "wk_trpc_request_duration_seconds",
    help: "tRPC procedure calls by procedure and outcome",
    labelNames: ["procedure", "outcome"] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });
  const gauge = (name: string, help: string, labelNames: string[] = []) =>
    new Gauge({ name, help, labelNames, registers: [registry] });
  const db = {
    queue: gauge("wk_alert_queue_depth", "Alerts waiting in the triage queue (status new)"),
    open: gauge("wk_open_incidents", "Open incidents by severity", ["severity"]),
    clocks: gauge("wk_sla_clocks", "SLA clocks by state", ["state"]),
    outbox: gauge("wk_email_outbox", "E-mail outbox rows by status", ["status"]),
    reportJobs: gauge("wk_report_jobs", "Report jobs by status", ["status"]),
    pool: gauge("wk_db_pool_connections", "Database connections of this process by state", ["state"]),
  };
  const lag = monitorEventLoopDelay({ resolution: 10 });
  lag.enable();
  new Gauge({
    name: "wk_event_loop_lag_seconds",
    help: "Event-loop delay since the previous scrape (p50, p99, max)",
    labelNames: ["quantile"] as const,
    registers: [registry],
    collect() {
      this.set({ quantile: "0.5" }, lag.percentile(50) / 1e9);
      this.set({ quantile: "0.99" }, lag.percentile(99) / 1e9);
      this.set({ quantile: "max" }, lag.max / 1e9);
      lag.reset();
    },
  });
  return {
    registry,
    intakeRequests,
    intakeAlerts,
    intakeLatency,
    intakeRetries,
    jobDuration,
    reportRenders,
    emails,
    requests,
    db,
  };
}

const g = globalThis as { __watchkeeperMetrics?: Metrics };
g.__watchkeeperMetrics ??= create();
export const metrics: Metrics = g.__watchkeeperMetrics;

function setAll(gauge: Gauge, label: string, values: Record<string, number>) {
  gauge.reset();
  for (const [k, v] of Object.entries(values)) gauge.set({ [label]: k }, v);
}

/** The exposition text; the database gauges are read at scrape time so every instance reports the same truth. */
export async function scrape(handle: DatabaseHandle): Promise<{ contentType: string; body: string }> {
  const r = await readGauges(handle.db);
  metrics.db.queue.set(r.queueDepth);
  setAll(metrics.db.open, "severity", r.openIncidents);
  setAll(metrics.db.clocks, "state", r.clocks);
  setAll(metrics.db.outbox, "status", r.outbox);
  setAll(metrics.db.reportJobs, "status", r.reportJobs);
  setAll(metrics.db.pool, "state", await readPoolStates(handle));
  return { contentType: metrics.registry.contentType, body: await metrics.registry.metrics() };
}
