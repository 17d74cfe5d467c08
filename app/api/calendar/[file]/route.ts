import { getDb } from "@/db";
import { NotFound } from "@/server/errors";
import { calendarFeed } from "@/server/roster/feed";

export const dynamic = "force-dynamic";

/** GET /api/calendar/<token>.ics — a staff member's shifts (or, `?scope=provider`, everyone's for a SOC manager). */
export async function GET(req: Request, { params }: { params: Promise<{ file: string }> }) {
  const { file } = await params;
  const token = file.endsWith(".ics") ? file.slice(0, -4) : "";
  const scope = new URL(req.url).searchParams.get("scope") === "provider" ? "provider" : "mine";
  try {
    const body = await calendarFeed(await getDb(), token, scope, Date.now());
    return new Response(body, {
      headers: { "content-type": "text/calendar; charset=utf-8", "cache-control": "private, no-store" },
    });
  } catch (e) {
    if (e instanceof NotFound) return new Response("No such calendar.", { status: 404 });
    throw e;
  }
}
