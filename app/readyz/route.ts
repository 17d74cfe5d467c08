import { getDatabase } from "@/db";
import { readiness } from "@/server/observability/health";

export const dynamic = "force-dynamic";

/** Readiness: database reachable, migrations current, job loop alive. 200 when all hold, 503 otherwise. */
export async function GET() {
  let result: Awaited<ReturnType<typeof readiness>>;
  try {
    result = await readiness(await getDatabase());
  } catch (e) {
    result = { ok: false, checks: [{ name: "database", ok: false, detail: (e as Error).message.slice(0, 200) }] };
  }
  return Response.json(result, { status: result.ok ? 200 : 503, headers: { "cache-control": "no-store" } });
}
