import { handleHeartbeat } from "@/server/ingest/http";

export const dynamic = "force-dynamic";

export async function POST(req: Request) {
  return handleHeartbeat(req);
}
