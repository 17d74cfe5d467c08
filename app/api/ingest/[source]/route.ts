import { handleIngest } from "@/server/ingest/http";
import { observeIntake } from "@/server/observability/intake";

export const dynamic = "force-dynamic";

export async function POST(req: Request, ctx: { params: Promise<{ source: string }> }) {
  const source = (await ctx.params).source;
  return observeIntake(source, () => handleIngest(req, source));
}
