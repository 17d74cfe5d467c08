import { timingSafeEqual } from "node:crypto";
import { env } from "@/server/env";

/** Whether an Authorization header carries the configured METRICS_TOKEN (constant-time compare). */
export function metricsAuthorized(header: string | null | undefined): boolean {
  const token = env.METRICS_TOKEN;
  if (!token || !header?.startsWith("Bearer ")) return false;
  const given = Buffer.from(header.slice(7));
  const wanted = Buffer.from(token);
  return given.length === wanted.length && timingSafeEqual(given, wanted);
}
