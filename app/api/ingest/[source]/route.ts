import { handleIngest } from "@/server/ingest/http";

export const dynamic = "force-dynamic";

export async function POST(req: Request, ctx: { params: Promise<{ source: string }> }) {
  return handleIngest(req, (await ctx.params).source);
}
