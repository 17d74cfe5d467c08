import { randomUUID } from "node:crypto";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { createTRPCContext } from "@/server/trpc/init";
import { appRouter } from "@/server/trpc/root";

/** A request id from a trusted proxy's x-request-id (if it looks like one) or a new one; it is in every log line. */
const requestIdOf = (req: Request) => {
  const given = req.headers.get("x-request-id");
  return given && /^[\w.-]{8,64}$/.test(given) ? given : randomUUID();
};

const handler = async (req: Request) => {
  const requestId = requestIdOf(req);
  const res = await fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    createContext: () => createTRPCContext({ headers: req.headers, requestId }),
  });
  res.headers.set("x-request-id", requestId);
  return res;
};

export { handler as GET, handler as POST };
