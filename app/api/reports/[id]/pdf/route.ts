import { logInternal } from "@/server/log";
import { reportDownload } from "@/server/reports/http";
import { createTRPCContext } from "@/server/trpc/init";

/** A report PDF: inline for the browser's viewer, or `?download=1` as an attachment. */
export async function GET(req: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  try {
    const ctx = await createTRPCContext({ headers: req.headers });
    return await reportDownload(ctx, id, new URL(req.url).searchParams.has("download"));
  } catch (e) {
    return new Response(logInternal(e, { route: "reports.pdf", reportId: id }).message, {
      status: 500,
      headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" },
    });
  }
}
