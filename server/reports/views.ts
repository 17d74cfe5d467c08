import { assertCan } from "@/server/auth/permissions";
import { NotFound } from "@/server/errors";
import { monthRange } from "@/server/sla/report";
import { clockOf, type StaffContext, staffTenantOf, type TenantContext } from "@/server/tenancy/tenant";
import { assembleMonthlyReport, keyFigures } from "./model/assemble";
import {
  activeCustomerFacts,
  activeCustomers,
  batchJobs,
  deliveriesOf,
  findBatch,
  findReportCustomerId,
  findReportFile,
  latestBatch,
  listReportVersions,
  reportCustomerPage,
  reportMatrixRows,
  scheduledJobs,
} from "./queries";
import { completedMonths, reportSendTime } from "./schedule";
import { reportFilename } from "./service";

/** The read side of reports: progress of runs, the console's matrix, versions, the archive and files. */

/** A batch's progress: how many of its jobs are done, failed, running or waiting. */
export async function batchProgress(ctx: StaffContext, batchId?: string) {
  assertCan(ctx.actor, "report:read");
  const batch = batchId ? await findBatch(ctx.db, batchId) : await latestBatch(ctx.db);
  if (!batch) {
    if (batchId) throw new NotFound("No such batch.");
    return null;
  }
  const jobs = await batchJobs(ctx.db, batch.id);
  const count = (s: string) => jobs.filter((j) => j.status === s).length;
  return {
    id: batch.id,
    month: batch.month,
    createdAt: batch.createdAt,
    total: batch.total,
    done: count("done"),
    failed: count("failed"),
    running: count("running"),
    pending: count("pending"),
    finished: count("done") + count("failed") === batch.total,
    errors: jobs
      .filter((j) => j.status === "failed")
      .map((j) => ({ customerName: j.customerName, error: j.error ?? "Failed" })),
  };
}

/**
 * `f` of a time zone, worked out once per zone: a provider's thousand customers live in a dozen zones, and each month
 * end or send time is a Temporal computation.
 */
function perZone<T>(f: (tz: string) => T): (tz: string) => T {
  const known = new Map<string, T>();
  return (tz) => {
    if (!known.has(tz)) known.set(tz, f(tz));
    return known.get(tz)!;
  };
}

/**
 * The month-end run of the month just ended, as it unfolds across time zones: customers whose 06:00 has not come
 * yet, queued, generating, done (rendered, and e-mailed where they have report contacts), failed, and any the
 * schedule never queued (every instance down past the catch-up window).
 */
export async function monthEndRun(ctx: StaffContext, now = clockOf(ctx)) {
  assertCan(ctx.actor, "report:read");
  const [month] = completedMonths(now, "Pacific/Kiritimati", 1) as [string];
  const [customers, jobs] = await Promise.all([activeCustomers(ctx.db), scheduledJobs(ctx.db, month)]);
  const end = perZone((tz) => monthRange(month, tz).to);
  const sendAt = perZone((tz) => reportSendTime(month, tz));
  const eligible = customers.filter((c) => c.createdAt < end(c.timezone));
  const byCustomer = new Map(jobs.map((j) => [j.customerId, j]));
  const count = { waiting: 0, pending: 0, running: 0, done: 0, failed: 0, missed: 0 };
  const errors: { customerName: string; error: string }[] = [];
  let nextAt: Date | null = null;
  let firstAt: Date | null = null;
  for (const c of eligible) {
    const at = sendAt(c.timezone);
    if (!firstAt || at < firstAt) firstAt = at;
    const job = byCustomer.get(c.id);
    if (!job) {
      if (at > now) {
        count.waiting++;
        if (!nextAt || at < nextAt) nextAt = at;
      } else count.missed++;
      continue;
    }
    count[job.status === "pending" ? "pending" : job.status]++;
    if (job.status === "failed") errors.push({ customerName: c.name, error: job.error ?? "Failed" });
  }
  return {
    month,
    total: eligible.length,
    ...count,
    firstAt,
    nextAt,
    errors,
    finished: count.waiting + count.pending + count.running === 0,
  };
}

export type CellStatus =
  | "not-ended"
  | "before-service"
  | "missing"
  | "queued"
  | "running"
  | "failed"
  | "ready"
  | "sent";

export const MATRIX_SORTS = ["name", "attention"] as const;
export type MatrixPageInput = {
  months: number;
  search?: string;
  sort: (typeof MATRIX_SORTS)[number];
  page: number;
  pageSize: number;
};

/**
 * One page of active customers × the last `months` months: the newest version, whether it was sent, and any work
 * queued. Customers are filtered and sorted in the database (by name, or those with a missing or failed report first).
 */
export async function reportMatrix(ctx: StaffContext, input: MatrixPageInput, now = clockOf(ctx)) {
  assertCan(ctx.actor, "report:read");
  // Months as the earliest zone (UTC+14) sees them, so a month appears as soon as it has ended anywhere.
  const list = completedMonths(now, "Pacific/Kiritimati", input.months);
  const [page, facts] = await Promise.all([
    reportCustomerPage(ctx.db, {
      months: list,
      search: input.search,
      sort: input.sort,
      limit: input.pageSize,
      offset: (input.page - 1) * input.pageSize,
      now,
    }),
    activeCustomerFacts(ctx.db, input.search),
  ]);
  const rows = page.length
    ? await reportMatrixRows(
        ctx.db,
        list,
        page.map((c) => c.id),
      )
    : { versions: [], deliveries: [], jobs: [] };
  const key = (customerId: string, month: string) => `${customerId}|${month}`;
  const ends = new Map(list.map((m) => [m, perZone((tz) => monthRange(m, tz).to)]));
  const monthEnd = (month: string, tz: string) => ends.get(month)!(tz);
  const versions = new Map(rows.versions.map((v) => [key(v.customerId, v.month), v]));
  const deliveries = new Map(rows.deliveries.map((d) => [key(d.customerId, d.month), d]));
  const jobs = new Map(rows.jobs.map((j) => [key(j.customerId, j.month), j]));
  return {
    months: list,
    /** Months that have ended for at least one active customer (the month-end card's choices), provider-wide. */
    ended: list.filter((m) => facts.zones.some((z) => monthEnd(m, z) <= now)),
    page: input.page,
    pageSize: input.pageSize,
    total: facts.matching,
    customers: page.map((c) => ({
      id: c.id,
      name: c.name,
      slug: c.slug,
      timezone: c.timezone,
      cells: list.map((month) => {
        const k = key(c.id, month);
        const latest = versions.get(k) ?? null;
        const delivery = deliveries.get(k) ?? null;
        const job = jobs.get(k) ?? null;
        const failedAfter = job?.status === "failed" && (!latest || job.createdAt > latest.generatedAt);
        const status: CellStatus =
          monthEnd(month, c.timezone) > now
            ? "not-ended"
            : job?.status === "pending"
              ? "queued"
              : job?.status === "running"
                ? "running"
                : failedAfter
                  ? "failed"
                  : latest
                    ? delivery
                      ? "sent"
                      : "ready"
                    : c.createdAt >= monthEnd(month, c.timezone)
                      ? "before-service"
                      : "missing";
        return {
          month,
          status,
          latest,
          delivery,
          error: failedAfter ? (job?.error ?? "Failed") : null,
        };
      }),
    })),
  };
}

/** Every version of one customer's month (staff), newest first, with its delivery. */
export async function reportVersions(ctx: TenantContext, month?: string) {
  assertCan(ctx.actor, "report:read");
  const [versions, deliveries] = await Promise.all([
    listReportVersions(ctx.db, ctx.tenant, month),
    deliveriesOf(ctx.db, ctx.tenant),
  ]);
  return versions.map((v) => {
    const d = deliveries.find((x) => x.month === v.month);
    return { ...v, sent: d && d.reportVersionId === v.id ? { at: d.sentAt, recipients: d.recipients } : null };
  });
}

/** The key figures of a customer-month as they are now (the customer's view), to compare with a stored version. */
export async function liveFigures(ctx: TenantContext, month: string) {
  assertCan(ctx.actor, "report:read");
  if (ctx.actor.side !== "staff") throw new NotFound("No such figures.");
  return keyFigures(await assembleMonthlyReport(ctx.db, ctx.tenant, month));
}

/** The customer's archive: one entry per month (newest first) with its versions, newest first. */
export async function reportArchive(ctx: TenantContext) {
  const versions = await reportVersions(ctx);
  const months = [...new Set(versions.map((v) => v.month))];
  return months.map((month) => {
    const list = versions.filter((v) => v.month === month);
    return { month, latest: list[0]!, versions: list };
  });
}

/** A version's bytes for download, only within the tenant (another tenant's id is simply not found). */
export async function reportFile(ctx: TenantContext, id: string) {
  assertCan(ctx.actor, "report:read");
  const file = await findReportFile(ctx.db, ctx.tenant, id);
  if (!file) throw new NotFound("No such report.");
  return {
    filename: reportFilename(file.slug, file.month).replace(
      /\.pdf$/,
      file.version > 1 ? `-v${file.version}.pdf` : ".pdf",
    ),
    pdf: file.pdf,
    sha256: file.sha256,
  };
}

/** Staff name a version, not a customer: the version's own customer becomes the tenant. */
export async function staffReportFile(ctx: StaffContext, id: string) {
  const customerId = await findReportCustomerId(ctx.db, id);
  if (!customerId) throw new NotFound("No such report.");
  return reportFile({ ...ctx, tenant: staffTenantOf(ctx, customerId) }, id);
}
