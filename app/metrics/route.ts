import { timingSafeEqual } from "node:crypto";
import { getDatabase } from "@/db";
import { env } from "@/server/env";
import { scrape } from "@/server/observability/metrics";

export const dynamic = "force-dynamic";

function authorized(header: string | null): boolean {
  const token = env.METRICS_TOKEN;
  if (!token || !header?.startsWith("Bearer ")) return false;
  const given = Buffer.from(header.slice(7));
  const wanted = Buffer.from(token);
  return given.length === wanted.length && timingSafeEqual(given, wanted);
}

/** Prometheus exposition, behind a bearer token (METRICS_TOKEN). Without a configured token it does not exist. */
export async function GET(req: Request) {
  if (!env.METRICS_TOKEN) return new Response("Not found\n", { status: 404 });
  if (!authorized(req.headers.get("authorization"))) {
    return new Response("Unauthorized\n", { status: 401, headers: { "www-authenticate": 'Bearer realm="metrics"' } });
  }
  const { contentType, body } = await scrape(await getDatabase());
  return new Response(body, { headers: { "content-type": contentType, "cache-control": "no-store" } });
}
