import { handleHeartbeat } from "@/server/ingest/http";
import { observeIntake } from "@/server/observability/intake";

export const dynamic = "force-dynamic";

export async function POST(req: Request) {
  return observeIntake("heartbeat", () => handleHeartbeat(req));
}
