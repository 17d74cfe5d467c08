import { getDatabase } from "@/db";
import { env } from "@/server/env";
import { metricsAuthorized } from "@/server/observability/auth";
import { scrape } from "@/server/observability/metrics";

export const dynamic = "force-dynamic";

/** Prometheus exposition, behind a bearer token (METRICS_TOKEN). Without a configured token it does not exist. */
export async function GET(req: Request) {
  if (!env.METRICS_TOKEN) return new Response("Not found\n", { status: 404 });
  if (!metricsAuthorized(req.headers.get("authorization"))) {
    return new Response("Unauthorized\n", { status: 401, headers: { "www-authenticate": 'Bearer realm="metrics"' } });
  }
  const { contentType, body } = await scrape(await getDatabase());
  return new Response(body, { headers: { "content-type": contentType, "cache-control": "no-store" } });
}
