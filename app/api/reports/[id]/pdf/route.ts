import { reportDownload } from "@/server/reports/http";
import { createTRPCContext } from "@/server/trpc/init";

/** A report PDF: inline for the browser's viewer, or `?download=1` as an attachment. */
export async function GET(req: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const ctx = await createTRPCContext({ headers: req.headers });
  return reportDownload(ctx, id, new URL(req.url).searchParams.has("download"));
}
