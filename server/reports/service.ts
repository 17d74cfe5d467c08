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
import { metrics } from "@/server/observability/metrics";
import { monthRange } from "@/server/sla/report";
import { afterCommit } from "@/server/tenancy/scope";
import {
  clockOf,
  personOf,
  type StaffContext,
  type TenantContext,
  type TenantId,
  tenantOfCredentialRow,
} from "@/server/tenancy/tenant";
import { findUserById } from "@/server/users/queries";
import { assembleMonthlyReport, keyFigures, type MonthlyReportModel } from "./model/assemble";
import { renderInPool } from "./pdf/pool";
import type { renderReportPdf } from "./pdf/render";
import {
  activeCustomers,
  claimDelivery,
  claimReportJob,
  findActiveJob,
  finishReportJob,
  insertBatch,
  insertReportJobs,
  insertReportVersion,
  lockReportMonth,
  type NewReportJob,
  nextReportVersion,
  reportContacts,
} from "./queries";
import { reportDue } from "./schedule";

/** A job claimed this long ago whose worker never finished it is taken again. */
const STALE_MS = env.REPORT_JOB_STALE_SECONDS * 1000;
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
  const stop = metrics.reportRenders.startTimer();
  let rendered: Awaited<ReturnType<typeof renderReportPdf>>;
  try {
    rendered = await renderInPool(model, generatedAt);
  } catch (e) {
    stop({ outcome: "failed" });
    throw e;
  }
  stop({ outcome: "ok" });
  const { pdf, pages } = rendered;
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
        const p = model.provider;
        const branding = { providerName: p.name, primaryColor: p.primaryColor, supportEmail: p.supportEmail };
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
  await afterCommit(ctx.db, kickWorkers);
  return { jobId: job!.id, queued: true };
}

/** Queues every active customer's report for a month as one batch, whose progress the console follows. */
export async function requestAllReports(ctx: StaffContext, month: string, send: boolean) {
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
  await afterCommit(ctx.db, kickWorkers);
  return result;
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
      const version = await generateReport(db, tenantOfCredentialRow(job), job.month, {
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
