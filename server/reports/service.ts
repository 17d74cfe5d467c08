import { createHash } from "node:crypto";
import { createElement } from "react";
import type { Db } from "@/db";
import type { ReportTrigger } from "@/db/schema/reports";
import ReportReadyEmail from "@/emails/report-ready";
import { type AuditActor, actorOf, recordAudit, systemActor } from "@/server/audit/service";
import { assertCan } from "@/server/auth/permissions";
import { findCustomer } from "@/server/customers/queries";
import { deliverQueued, sendEmail } from "@/server/email/send";
import { env } from "@/server/env";
import { Invalid, NotFound } from "@/server/errors";
import { kickWorkers } from "@/server/jobs/worker";
import { getBranding } from "@/server/provider/queries";
import { monthRange } from "@/server/sla/report";
import {
  type ActorContext,
  clockOf,
  mintTenantId,
  personOf,
  type TenantContext,
  type TenantId,
} from "@/server/tenancy/tenant";
import { findUserById } from "@/server/users/queries";
import { assembleMonthlyReport, keyFigures, type MonthlyReportModel } from "./model/assemble";
import { renderReportPdf } from "./pdf/render";
import {
  activeCustomers,
  batchJobs,
  claimDelivery,
  claimReportJob,
  deliveriesOf,
  findActiveJob,
  findBatch,
  findReportCustomerId,
  findReportFile,
  finishReportJob,
  insertBatch,
  insertReportJobs,
  insertReportVersion,
  latestBatch,
  listReportVersions,
  lockReportMonth,
  type NewReportJob,
  nextReportVersion,
  reportContacts,
  reportMatrixRows,
  scheduledJobs,
} from "./queries";
import { completedMonths, reportDue, reportSendTime } from "./schedule";

/** A job claimed this long ago whose worker never finished it is taken again. */
const STALE_MS = 10 * 60_000;
/** A scheduled job that fails is retried this many times before it is left failed for people to see. */
const SCHEDULED_ATTEMPTS = 3;

export const reportFilename = (slug: string, month: string) => `${slug}-${month}-security-report.pdf`;

/**
 * Lets the event loop serve requests and timers. Rendering and in-process PGlite resolve through promise chains only,
 * so without this a batch would hold the process for its whole length (pages and polls would wait).
 */
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Renders a model to a PDF and measures it: the one path every generation takes. */
export async function renderReport(model: MonthlyReportModel, generatedAt = new Date()) {
  await yieldToEventLoop();
  const started = performance.now();
  const { pdf, pages } = await renderReportPdf(model, { generatedAt });
  const renderMs = Math.round(performance.now() - started);
  await yieldToEventLoop();
  return { pdf, pages, renderMs, sha256: createHash("sha256").update(pdf).digest("hex") };
}

/**
 * Assembles, renders and stores a new version of a customer's month (earlier versions stay). With `send`, e-mails the
 * customer's report contacts in the same transaction, at most once per customer-month whatever retries happen.
 */
export async function generateReport(
  db: Db,
  tenant: TenantId,
  month: string,
  opts: { trigger: ReportTrigger; actor: AuditActor; send: boolean; now?: Date },
) {
  const now = opts.now ?? new Date();
  const model = await assembleMonthlyReport(db, tenant, month);
  const file = await renderReport(model, now);
  const mail: string[] = [];
  const result = await db.transaction(async (tx) => {
    await lockReportMonth(tx, tenant, month);
    const version = await insertReportVersion(tx, tenant, {
      month,
      version: await nextReportVersion(tx, tenant, month),
      pdf: file.pdf,
      sha256: file.sha256,
      pages: file.pages,
      renderMs: file.renderMs,
      trigger: opts.trigger,
      figures: keyFigures(model),
      generatedBy: opts.actor.actorType === "user" ? opts.actor.actorId : null,
      generatedAt: now,
    });
    await recordAudit(tx, {
      ...opts.actor,
      customerId: tenant,
      action: "report.generated",
      targetType: "report",
      targetId: version.id,
      summary: { month, version: version.version, trigger: opts.trigger, sha256: file.sha256, pages: file.pages },
    });
    let delivery: { recipients: number; attached: boolean } | "already-sent" | "no-contacts" | null = null;
    if (opts.send) {
      const contacts = await reportContacts(tx, tenant);
      const attached = file.pdf.length <= env.REPORT_ATTACH_MAX_BYTES;
      if (!contacts.length) delivery = "no-contacts";
      else if (
        !(await claimDelivery(tx, tenant, {
          month,
          reportVersionId: version.id,
          recipients: contacts.length,
          attached,
          sentAt: now,
        }))
      )
        delivery = "already-sent";
      else {
        const branding = await getBranding(tx);
        const filename = reportFilename(model.customer.slug, month);
        const url = new URL(`/portal/reports?month=${month}`, env.BETTER_AUTH_URL).toString();
        for (const c of contacts) {
          mail.push(
            await sendEmail(tx, {
              to: c.email,
              subject: `${model.customer.name}: your security report for ${model.monthLabel}`,
              template: "report-ready",
              customerId: tenant,
              element: createElement(ReportReadyEmail, {
                branding,
                customerName: model.customer.name,
                monthLabel: model.monthLabel,
                summary: model.executiveSummary,
                url,
                attached,
                filename,
                sha256: file.sha256,
              }),
              attachments: attached
                ? [
                    {
                      filename,
                      contentType: "application/pdf",
                      reportVersionId: version.id,
                      sizeBytes: file.pdf.length,
                    },
                  ]
                : null,
              createdAt: now,
            }),
          );
        }
        await recordAudit(tx, {
          ...opts.actor,
          customerId: tenant,
          action: "report.sent",
          targetType: "report",
          targetId: version.id,
          summary: { month, recipients: contacts.length, attached },
        });
        delivery = { recipients: contacts.length, attached };
      }
    }
    return { ...version, delivery };
  });
  if (mail.length) await deliverQueued(db, mail);
  return result;
}

/** The whole months a report can cover for a customer: ended in their zone at `now`. */
function assertMonthEnded(month: string, timeZone: string, now: Date) {
  if (monthRange(month, timeZone).to > now)
    throw new Invalid(`${month} has not ended yet; a report covers a whole month.`, "month");
}

/** Queues one customer's report for a month (or returns the job already queued for it). */
export async function requestReport(ctx: TenantContext, month: string, send: boolean) {
  assertCan(ctx.actor, "report:generate");
  const customer = await findCustomer(ctx.db, ctx.tenant);
  if (!customer) throw new NotFound("No such customer.");
  const now = clockOf(ctx);
  assertMonthEnded(month, customer.timezone, now);
  const active = await findActiveJob(ctx.db, ctx.tenant, month);
  if (active) return { jobId: active.id, queued: false };
  const [job] = await insertReportJobs(ctx.db, [
    { customerId: ctx.tenant, month, trigger: "manual", send, requestedBy: personOf(ctx)?.id ?? null, createdAt: now },
  ]);
  kickWorkers();
  return { jobId: job!.id, queued: true };
}

/** Queues every active customer's report for a month as one batch, whose progress the console follows. */
export async function requestAllReports(ctx: ActorContext, month: string, send: boolean) {
  assertCan(ctx.actor, "report:generate");
  const now = clockOf(ctx);
  // Customers whose month has ended and who were customers during it (as the month-end schedule does).
  const list = (await activeCustomers(ctx.db)).filter((c) => {
    const end = monthRange(month, c.timezone).to;
    return end <= now && c.createdAt < end;
  });
  if (!list.length) throw new Invalid(`No customer has a whole ${month} to report on yet.`, "month");
  const result = await ctx.db.transaction(async (tx) => {
    const batch = await insertBatch(tx, {
      month,
      requestedBy: personOf(ctx)?.id ?? null,
      total: list.length,
      createdAt: now,
    });
    await insertReportJobs(
      tx,
      list.map((c) => ({
        customerId: c.id,
        month,
        trigger: "batch" as const,
        send,
        requestedBy: personOf(ctx)?.id ?? null,
        batchId: batch.id,
        createdAt: now,
      })),
    );
    await recordAudit(tx, {
      ...actorOf(ctx),
      action: "report.batch_requested",
      targetType: "report_batch",
      targetId: batch.id,
      summary: { month, customers: list.length, send },
    });
    return { batchId: batch.id, total: list.length };
  });
  kickWorkers();
  return result;
}

/** A batch's progress: how many of its jobs are done, failed, running or waiting. */
export async function batchProgress(ctx: ActorContext, batchId?: string) {
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
 * Works through queued report jobs until none is left (or `max` were done). Every instance runs this; SKIP LOCKED
 * hands each job to one of them.
 */
export async function processReportJobs(db: Db, opts: { now?: () => Date; max?: number } = {}) {
  const now = opts.now ?? (() => new Date());
  const max = opts.max ?? 1000;
  let done = 0;
  let failed = 0;
  while (done + failed < max) {
    await yieldToEventLoop();
    const job = await claimReportJob(db, now(), new Date(now().getTime() - STALE_MS));
    if (!job) break;
    try {
      const person = job.requestedBy ? await findUserById(db, job.requestedBy) : null;
      const actor: AuditActor = person
        ? { actorType: "user", actorId: person.id, actorLabel: `${person.name} <${person.email}>` }
        : systemActor(job.trigger === "schedule" ? "monthly report schedule" : "report worker");
      const version = await generateReport(db, mintTenantId(job.customerId), job.month, {
        trigger: job.trigger,
        actor,
        send: job.send,
        now: now(),
      });
      await finishReportJob(db, job.id, { status: "done", reportVersionId: version.id, finishedAt: now() });
      done++;
    } catch (e) {
      const error = e instanceof Error ? e.message : String(e);
      const retry = job.trigger === "schedule" && job.attempts < SCHEDULED_ATTEMPTS;
      await finishReportJob(db, job.id, {
        status: retry ? "pending" : "failed",
        error: error.slice(0, 1000),
        finishedAt: retry ? null : now(),
      });
      console.error(`report ${job.customerId} ${job.month} failed (attempt ${job.attempts}):`, e);
      failed++;
    }
  }
  return { done, failed };
}

/**
 * The month-end schedule: queues the report of the month just ended for every customer whose local time has reached
 * 06:00 on the 1st (and who was a customer during that month). Queued once per customer-month (a unique index), so
 * any number of instances and retries queue it once; the job then sends once (report_deliveries).
 */
export async function queueDueReports(db: Db, now: Date) {
  const due: NewReportJob[] = [];
  for (const c of await activeCustomers(db)) {
    const month = reportDue(now, c.timezone);
    if (!month || c.createdAt >= monthRange(month, c.timezone).to) continue;
    due.push({ customerId: c.id, month, trigger: "schedule", send: true, requestedBy: null, createdAt: now });
  }
  const queued = await insertReportJobs(db, due);
  return { due: due.length, queued: queued.length };
}

/**
 * The month-end run of the month just ended, as it unfolds across time zones: customers whose 06:00 has not come
 * yet, queued, generating, done (rendered, and e-mailed where they have report contacts), failed, and any the
 * schedule never queued (every instance down past the catch-up window).
 */
export async function monthEndRun(ctx: ActorContext, now = clockOf(ctx)) {
  assertCan(ctx.actor, "report:read");
  const [month] = completedMonths(now, "Pacific/Kiritimati", 1) as [string];
  const [customers, jobs] = await Promise.all([activeCustomers(ctx.db), scheduledJobs(ctx.db, month)]);
  const eligible = customers.filter((c) => c.createdAt < monthRange(month, c.timezone).to);
  const byCustomer = new Map(jobs.map((j) => [j.customerId, j]));
  const count = { waiting: 0, pending: 0, running: 0, done: 0, failed: 0, missed: 0 };
  const errors: { customerName: string; error: string }[] = [];
  let nextAt: Date | null = null;
  let firstAt: Date | null = null;
  for (const c of eligible) {
    const at = reportSendTime(month, c.timezone);
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

/** Every active customer × the last `months` months: the newest version, whether it was sent, and any work queued. */
export async function reportMatrix(ctx: ActorContext, months: number, now = clockOf(ctx)) {
  assertCan(ctx.actor, "report:read");
  // Months as the earliest zone (UTC+14) sees them, so a month appears as soon as it has ended anywhere.
  const list = completedMonths(now, "Pacific/Kiritimati", months);
  const [customers, rows] = await Promise.all([activeCustomers(ctx.db), reportMatrixRows(ctx.db, list)]);
  const key = (customerId: string, month: string) => `${customerId}|${month}`;
  const versions = new Map(rows.versions.map((v) => [key(v.customerId, v.month), v]));
  const deliveries = new Map(rows.deliveries.map((d) => [key(d.customerId, d.month), d]));
  const jobs = new Map(rows.jobs.map((j) => [key(j.customerId, j.month), j]));
  return {
    months: list,
    customers: customers.map((c) => ({
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
          monthRange(month, c.timezone).to > now
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
                    : c.createdAt >= monthRange(month, c.timezone).to
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
export async function staffReportFile(ctx: ActorContext, id: string) {
  const customerId = await findReportCustomerId(ctx.db, id);
  if (!customerId) throw new NotFound("No such report.");
  return reportFile({ ...ctx, tenant: mintTenantId(customerId) }, id);
}
