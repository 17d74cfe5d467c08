/**
 * A tRPC query batch as the browser's `httpBatchLink` (with superjson) sends it:
 * `GET /api/trpc/a,b?batch=1&input={"0":<superjson of a's input>,"1":…}`, URI-encoded the same way.
 */
import superjson from "superjson";

/** `tag` names one input of a procedure asked with several (the report's label, not sent). */
export type Call = { path: string; input?: unknown; tag?: string };

export function batchPath(calls: Call[]): string {
  const inputs: Record<number, unknown> = {};
  calls.forEach((c, i) => {
    inputs[i] = superjson.serialize(c.input);
  });
  return `/api/trpc/${calls.map((c) => c.path).join(",")}?batch=1&input=${encodeURIComponent(JSON.stringify(inputs))}`;
}

/** The procedures and inputs of a batched GET's URL (for reading what a browser sent). */
export function readBatch(url: string): Call[] {
  const u = new URL(url, "http://x");
  const paths = u.pathname.replace(/^\/api\/trpc\//, "").split(",");
  const raw = u.searchParams.get("input");
  const inputs = raw ? (JSON.parse(raw) as Record<string, Parameters<typeof superjson.deserialize>[0]>) : {};
  return paths.map((path, i) => {
    const one = inputs[String(i)];
    return { path, input: one ? superjson.deserialize(one) : undefined };
  });
}
