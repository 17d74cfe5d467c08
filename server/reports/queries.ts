import { and, asc, desc, eq, ilike, inArray, sql } from "drizzle-orm";
import { type DbOrTx, rowsOf } from "@/db";
import {
  customerContacts,
  customers,
  reportBatches,
  reportDeliveries,
  reportJobs,
  reportVersions,
  user,
} from "@/db/schema";
import type { ReportFigures, ReportTrigger } from "@/db/schema/reports";
import { containsPattern } from "@/server/like";
import type { TenantId } from "@/server/tenancy/tenant";

/** A version's facts without its bytes (lists never load the PDFs). */
const versionFacts = {
  id: reportVersions.id,
  customerId: reportVersions.customerId,
  month: reportVersions.month,
  version: reportVersions.version,
  sha256: reportVersions.sha256,
  sizeBytes: reportVersions.sizeBytes,
  pages: reportVersions.pages,
  renderMs: reportVersions.renderMs,
  trigger: reportVersions.trigger,
  figures: reportVersions.figures,
  generatedAt: reportVersions.generatedAt,
};

/** Serialises version numbering of one customer-month across instances (held to the end of the transaction). */
export async function lockReportMonth(tx: DbOrTx, tenant: TenantId, month: string) {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`report:${tenant}:${month}`}))`);
}

export async function nextReportVersion(tx: DbOrTx, tenant: TenantId, month: string) {
  const [row] = await tx
    .select({ n: sql<number>`coalesce(max(${reportVersions.version}), 0)::int` })
    .from(reportVersions)
    .where(and(eq(reportVersions.customerId, tenant), eq(reportVersions.month, month)));
  return (row?.n ?? 0) + 1;
}

export async function insertReportVersion(
  tx: DbOrTx,
  tenant: TenantId,
  v: {
    month: string;
    version: number;
    pdf: Buffer;
    sha256: string;
    pages: number;
    renderMs: number;
    trigger: ReportTrigger;
    figures: ReportFigures;
    generatedBy: string | null;
    generatedAt: Date;
  },
) {
  const [row] = await tx
    .insert(reportVersions)
    .values({ ...v, customerId: tenant, sizeBytes: v.pdf.length })
    .returning(versionFacts);
  return row!;
}

/** Every version of a customer's reports (or one month's), newest first, with who generated it. */
export async function listReportVersions(db: DbOrTx, tenant: TenantId, month?: string) {
  return db
    .select({ ...versionFacts, generatedByName: user.name })
    .from(reportVersions)
    .leftJoin(user, eq(user.id, reportVersions.generatedBy))
    .where(and(eq(reportVersions.customerId, tenant), month ? eq(reportVersions.month, month) : undefined))
    .orderBy(desc(reportVersions.month), desc(reportVersions.version));
}

/** One version with its bytes, only within the tenant. */
export async function findReportFile(db: DbOrTx, tenant: TenantId, id: string) {
  const [row] = await db
    .select({ ...versionFacts, pdf: reportVersions.pdf, slug: customers.slug })
    .from(reportVersions)
    .innerJoin(customers, eq(customers.id, reportVersions.customerId))
    .where(and(eq(reportVersions.id, id), eq(reportVersions.customerId, tenant)));
  return row ?? null;
}

/** The customer of a version (staff downloads name a version, not a customer). */
export async function findReportCustomerId(db: DbOrTx, id: string) {
  const [row] = await db
    .select({ customerId: reportVersions.customerId })
    .from(reportVersions)
    .where(eq(reportVersions.id, id));
  return row?.customerId ?? null;
}

/** Bytes of a version for an e-mail attachment (the outbox row names the version). */
export async function reportBytes(db: DbOrTx, id: string) {
  const [row] = await db.select({ pdf: reportVersions.pdf }).from(reportVersions).where(eq(reportVersions.id, id));
  return row?.pdf ?? null;
}

export async function reportContacts(tx: DbOrTx, tenant: TenantId) {
  return tx
    .select({ name: customerContacts.name, email: customerContacts.email })
    .from(customerContacts)
    .where(and(eq(customerContacts.customerId, tenant), eq(customerContacts.receivesReports, true)))
    .orderBy(asc(customerContacts.name));
}

/** Claims the customer-month's delivery; null when it was sent before. */
export async function claimDelivery(
  tx: DbOrTx,
  tenant: TenantId,
  d: { month: string; reportVersionId: string; recipients: number; attached: boolean; sentAt: Date },
) {
  const rows = await tx
    .insert(reportDeliveries)
    .values({ ...d, customerId: tenant })
    .onConflictDoNothing()
    .returning({ id: reportDeliveries.id });
  return rows[0]?.id ?? null;
}

export async function deliveriesOf(db: DbOrTx, tenant: TenantId) {
  return db
    .select({
      month: reportDeliveries.month,
      reportVersionId: reportDeliveries.reportVersionId,
      recipients: reportDeliveries.recipients,
      attached: reportDeliveries.attached,
      sentAt: reportDeliveries.sentAt,
    })
    .from(reportDeliveries)
    .where(eq(reportDeliveries.customerId, tenant));
}

// ---- The generation queue --------------------------------------------------------------------------------------

export type NewReportJob = {
  customerId: string;
  month: string;
  trigger: ReportTrigger;
  send: boolean;
  requestedBy: string | null;
  batchId?: string | null;
  createdAt: Date;
};

/** Queues jobs; a scheduled job already queued for its customer-month is skipped (unique). Returns the new ids. */
export async function insertReportJobs(db: DbOrTx, jobs: NewReportJob[]) {
  if (!jobs.length) return [];
  return db.insert(reportJobs).values(jobs).onConflictDoNothing().returning({ id: reportJobs.id });
}

/** A queued or running job of the customer-month, if any. */
export async function findActiveJob(db: DbOrTx, tenant: TenantId, month: string) {
  const [row] = await db
    .select({ id: reportJobs.id, status: reportJobs.status })
    .from(reportJobs)
    .where(
      and(
        eq(reportJobs.customerId, tenant),
        eq(reportJobs.month, month),
        inArray(reportJobs.status, ["pending", "running"]),
      ),
    )
    .limit(1);
  return row ?? null;
}

/**
 * Takes the oldest pending job (or one whose worker died: running since before `staleBefore`) for this worker.
 * SKIP LOCKED lets every instance's worker take a different job at the same time.
 */
export async function claimReportJob(db: DbOrTx, now: Date, staleBefore: Date) {
  const rows = await db.execute<{ id: string }>(sql`
    update ${reportJobs} set status = 'running', claimed_at = ${now.toISOString()}::timestamptz, attempts = attempts + 1
    where id = (
      select id from ${reportJobs}
      where status = 'pending' or (status = 'running' and claimed_at < ${staleBefore.toISOString()}::timestamptz)
      order by created_at
      limit 1
      for update skip locked
    )
    returning id`);
  const id = rowsOf<{ id: string }>(rows)[0]?.id;
  if (!id) return null;
  const [job] = await db.select().from(reportJobs).where(eq(reportJobs.id, id));
  return job ?? null;
}

export async function finishReportJob(
  db: DbOrTx,
  id: string,
  r: {
    status: "done" | "failed" | "pending";
    reportVersionId?: string;
    error?: string | null;
    finishedAt: Date | null;
  },
) {
  await db
    .update(reportJobs)
    .set({ status: r.status, reportVersionId: r.reportVersionId, error: r.error ?? null, finishedAt: r.finishedAt })
    .where(eq(reportJobs.id, id));
}

export async function insertBatch(
  db: DbOrTx,
  b: { month: string; requestedBy: string | null; total: number; createdAt: Date },
) {
  const [row] = await db.insert(reportBatches).values(b).returning();
  return row!;
}

export async function findBatch(db: DbOrTx, id: string) {
  const [row] = await db.select().from(reportBatches).where(eq(reportBatches.id, id));
  return row ?? null;
}

export async function latestBatch(db: DbOrTx) {
  const [row] = await db.select().from(reportBatches).orderBy(desc(reportBatches.createdAt)).limit(1);
  return row ?? null;
}

export async function batchJobs(db: DbOrTx, batchId: string) {
  return db
    .select({ status: reportJobs.status, error: reportJobs.error, customerName: customers.name })
    .from(reportJobs)
    .innerJoin(customers, eq(customers.id, reportJobs.customerId))
    .where(eq(reportJobs.batchId, batchId));
}

/** The month-end (scheduled) jobs of a month, one per customer at most. */
export async function scheduledJobs(db: DbOrTx, month: string) {
  return db
    .select({ customerId: reportJobs.customerId, status: reportJobs.status, error: reportJobs.error })
    .from(reportJobs)
    .where(and(eq(reportJobs.month, month), eq(reportJobs.trigger, "schedule")));
}

/** Active customers with their zone and start, for the schedule and the console matrix. */
const customerFacts = {
  id: customers.id,
  name: customers.name,
  slug: customers.slug,
  timezone: customers.timezone,
  createdAt: customers.createdAt,
};

export async function activeCustomers(db: DbOrTx) {
  return db.select(customerFacts).from(customers).where(eq(customers.status, "active")).orderBy(asc(customers.name));
}

export type MatrixPageFilter = {
  months: string[];
  search?: string;
  /** `attention`: customers with the most ended months whose report is missing or failed first, then by name. */
  sort: "name" | "attention";
  limit: number;
  offset: number;
  now: Date;
};

/**
 * One page of active customers for the console's report matrix, filtered and sorted in the database, with the count of
 * every customer that matches. `attention` counts the cells the matrix shows as missing or failed (views.ts cellStatus):
 * the month has ended in the customer's zone after the customer started, nothing is queued or rendering, and either no
 * version exists or the newest job failed after the newest version.
 */
export async function reportCustomerPage(db: DbOrTx, f: MatrixPageFilter) {
  const term = f.search?.trim();
  const months = sql.join(
    f.months.map((m) => sql`(${m})`),
    sql`, `,
  );
  // Qualified by hand: drizzle leaves a single-table select's columns unqualified, which the subquery would rebind.
  const attention = sql<number>`(
    select count(*)::int from (values ${months}) as m(month)
    cross join lateral (select ((m.month || '-01')::timestamp + interval '1 month') at time zone customers.timezone as ends) e
    left join lateral (
      select j.status, j.created_at from report_jobs j
      where j.customer_id = customers.id and j.month = m.month and j.status in ('pending', 'running', 'failed')
      order by j.created_at desc limit 1) j on true
    left join lateral (
      select v.generated_at from report_versions v
      where v.customer_id = customers.id and v.month = m.month order by v.version desc limit 1) v on true
    where e.ends <= ${f.now.toISOString()}::timestamptz
      and ((j.status = 'failed' and (v.generated_at is null or j.created_at > v.generated_at))
        or (j.status is null and v.generated_at is null and customers.created_at < e.ends)))`;
  return db
    .select({
      ...customerFacts,
      attention: (f.sort === "attention" ? attention : sql<number | null>`null::int`).as("attention"),
      total: sql<number>`(count(*) over ())::int`,
    })
    .from(customers)
    .where(and(eq(customers.status, "active"), term ? ilike(customers.name, containsPattern(term)) : undefined))
    .orderBy(...(f.sort === "attention" ? [sql`"attention" desc`] : []), asc(customers.name), asc(customers.id))
    .limit(f.limit)
    .offset(f.offset);
}

/** Active customers matching the search (for a page past the end), and every active customer's zone (ended months). */
export async function activeCustomerFacts(db: DbOrTx, search?: string) {
  const term = search?.trim();
  const [count, zones] = await Promise.all([
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(customers)
      .where(and(eq(customers.status, "active"), term ? ilike(customers.name, containsPattern(term)) : undefined)),
    db.selectDistinct({ timezone: customers.timezone }).from(customers).where(eq(customers.status, "active")),
  ]);
  return { matching: count[0]?.n ?? 0, zones: zones.map((z) => z.timezone) };
}

/** The newest version, deliveries and the newest job of every customer-month in `months` (of `customerIds` only). */
export async function reportMatrixRows(db: DbOrTx, months: string[], customerIds?: string[]) {
  const of = <
    C extends typeof reportVersions.customerId | typeof reportDeliveries.customerId | typeof reportJobs.customerId,
  >(
    c: C,
  ) => (customerIds ? inArray(c, customerIds) : undefined);
  const [versions, deliveries, jobs] = await Promise.all([
    db
      .selectDistinctOn([reportVersions.customerId, reportVersions.month], versionFacts)
      .from(reportVersions)
      .where(and(inArray(reportVersions.month, months), of(reportVersions.customerId)))
      .orderBy(reportVersions.customerId, reportVersions.month, desc(reportVersions.version)),
    db
      .select({
        customerId: reportDeliveries.customerId,
        month: reportDeliveries.month,
        sentAt: reportDeliveries.sentAt,
        recipients: reportDeliveries.recipients,
      })
      .from(reportDeliveries)
      .where(and(inArray(reportDeliveries.month, months), of(reportDeliveries.customerId))),
    db
      .selectDistinctOn([reportJobs.customerId, reportJobs.month], {
        customerId: reportJobs.customerId,
        month: reportJobs.month,
        status: reportJobs.status,
        error: reportJobs.error,
        createdAt: reportJobs.createdAt,
      })
      .from(reportJobs)
      .where(
        and(
          inArray(reportJobs.month, months),
          inArray(reportJobs.status, ["pending", "running", "failed"]),
          of(reportJobs.customerId),
        ),
      )
      .orderBy(reportJobs.customerId, reportJobs.month, desc(reportJobs.createdAt)),
  ]);
  return { versions, deliveries, jobs };
}
