import { handleTrpc } from "@/server/trpc/http";

/**
 * The console's API under Next. A production server answers these requests before Next routes them
 * (server/trpc/http.ts `answerTrpcDirect`, `TRPC_DIRECT`); this route serves the development server and `TRPC_DIRECT=off`.
 */
const handler = (req: Request) => handleTrpc(req);

export { handler as GET, handler as POST };
