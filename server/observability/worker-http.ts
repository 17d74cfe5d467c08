import http from "node:http";
import type { DatabaseHandle } from "@/db";
import { env } from "@/server/env";
import { log } from "@/server/log";
import { metricsAuthorized } from "./auth";
import { scrape } from "./metrics";

/**
 * A worker has no web server, yet its series (scheduled job durations, report renders, e-mails) are the ones a
 * month-end is judged by: with METRICS_PORT it answers GET /metrics (behind METRICS_TOKEN, as the web instances do)
 * and GET /healthz, and nothing else.
 */
export function serveWorkerMetrics(handle: DatabaseHandle): (() => void) | null {
  const port = env.METRICS_PORT;
  if (!port) return null;
  const server = http.createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0];
    if (req.method === "GET" && path === "/healthz") {
      res.writeHead(200, { "content-type": "text/plain" }).end("ok\n");
      return;
    }
    if (req.method !== "GET" || path !== "/metrics" || !env.METRICS_TOKEN) {
      res.writeHead(404, { "content-type": "text/plain" }).end("Not found\n");
      return;
    }
    if (!metricsAuthorized(req.headers.authorization)) {
      res.writeHead(401, { "content-type": "text/plain", "www-authenticate": 'Bearer realm="metrics"' });
      res.end("Unauthorized\n");
      return;
    }
    scrape(handle).then(
      ({ contentType, body }) =>
        res.writeHead(200, { "content-type": contentType, "cache-control": "no-store" }).end(body),
      (err) => {
        log.error({ err }, "metrics scrape failed");
        res.writeHead(500, { "content-type": "text/plain" }).end("Scrape failed\n");
      },
    );
  });
  server.listen(port);
  log.info({ port }, "worker metrics on /metrics and /healthz");
  return () => server.close();
}
