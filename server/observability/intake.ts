import { log } from "@/server/log";
import { metrics } from "./metrics";

const KNOWN = new Set(["ocsf", "crowdstrike", "sentinelone", "defender", "suricata", "zeek", "wazuh", "heartbeat"]);

/** Counts and times one intake request by source and status; an unknown source is one label, not many. */
export async function observeIntake(source: string, handle: () => Promise<Response>): Promise<Response> {
  const label = KNOWN.has(source) ? source : "unknown";
  const started = performance.now();
  try {
    const res = await handle();
    metrics.intakeRequests.inc({ source: label, status: String(res.status) });
    if (res.status >= 500) log.error({ source: label, status: res.status }, "intake answered 5xx");
    return res;
  } catch (e) {
    metrics.intakeRequests.inc({ source: label, status: "500" });
    log.error({ source: label, err: e }, "intake failed");
    throw e;
  } finally {
    metrics.intakeLatency.observe({ source: label }, (performance.now() - started) / 1000);
  }
}

/** Alerts of one request by outcome; called by the intake with its per-item results. */
export function countIntakeAlerts(source: string, outcomes: Record<string, number>) {
  const label = KNOWN.has(source) ? source : "unknown";
  for (const [outcome, n] of Object.entries(outcomes))
    if (n > 0) metrics.intakeAlerts.inc({ source: label, outcome }, n);
}
