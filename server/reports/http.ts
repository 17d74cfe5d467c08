import { TRPCError } from "@trpc/server";
import { isGenericMessage, logInternal } from "@/server/log";
import { findMembership } from "@/server/tenancy/queries";
import type { TRPCContext } from "@/server/trpc/init";
import { createCaller } from "@/server/trpc/root";

const text = (status: number, body: string) =>
  new Response(body, { status, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" } });

/**
 * GET /api/reports/:id/pdf — a stored report version for the signed-in user. It goes through the same procedures as
 * the pages (staff: `reports.file`; customers: `myReports.file`, scoped to their own tenant), so another customer's
 * id, a malformed id and a missing one all answer 404 alike.
 */
export async function reportDownload(ctx: TRPCContext, id: string, download: boolean): Promise<Response> {
  if (!ctx.session) return text(401, "Sign in to download reports.");
  const caller = createCaller(ctx);
  const membership = await findMembership(ctx.db, ctx.session.user.id);
  try {
    const file =
      membership && membership.customerId === null
        ? await caller.reports.file({ id })
        : await caller.myReports.file({ id });
    return new Response(new Uint8Array(file.pdf), {
      headers: {
        "content-type": "application/pdf",
        "content-length": String(file.pdf.length),
        "content-disposition": `${download ? "attachment" : "inline"}; filename="${file.filename}"`,
        "cache-control": "private, no-store",
        "x-content-type-options": "nosniff",
        "x-checksum-sha256": file.sha256,
      },
    });
  } catch (e) {
    if (e instanceof TRPCError && e.code === "UNAUTHORIZED") return text(401, "Sign in to download reports.");
    if (e instanceof TRPCError && ["NOT_FOUND", "FORBIDDEN", "BAD_REQUEST"].includes(e.code)) {
      return text(404, "No such report.");
    }
    // The procedures' own generic error already carries the reference the log holds.
    if (e instanceof TRPCError && e.code === "INTERNAL_SERVER_ERROR" && isGenericMessage(e.message)) {
      return text(500, e.message);
    }
    return text(500, logInternal(e, { route: "reports.pdf", reportId: id }).message);
  }
}
