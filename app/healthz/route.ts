export const dynamic = "force-dynamic";

/** Liveness: the process answers. No auth, no data, no database. */
export function GET() {
  return new Response("ok\n", {
    headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" },
  });
}
