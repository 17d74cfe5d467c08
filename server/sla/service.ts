import { createElement } from "react";
import type { Db, DbOrTx } from "@/db";
import SlaAlertEmail from "@/emails/sla-alert";
import { versionInForce } from "@/server/contracts/queries";
import { deliverQueued, type OutgoingEmail, sendEmail } from "@/server/email/send";
import { env } from "@/server/env";
import { incidentReference, SEVERITY_LABELS } from "@/server/incidents/severity";
import { getBranding } from "@/server/provider/queries";
import { listSocManagers } from "@/server/tenancy/queries";
import { withProviderScope } from "@/server/tenancy/scope";
import type { TenantId } from "@/server/tenancy/tenant";
import { computeClocks, incidentFacts, METRIC_LABELS } from "./compute";
import * as q from "./queries";

/**
 * Recomputes an incident's SLA clocks from its facts and stores the snapshot, in the caller's transaction. The
 * contract version is the one in force when the incident opened (fixed on first computation). Transitions into
 * at risk or breached raise their one alert and e-mail. Returns outbox ids to deliver after commit.
 */
export async function recomputeIncidentClocks(
  tx: DbOrTx,
  tenant: TenantId,
  incidentId: string,
  now: Date,
): Promise<string[]> {
  const loaded = await q.loadIncidentForClocks(tx, tenant, incidentId);
  if (!loaded) return [];
  const { inc, transitions } = loaded;
  let versionId = inc.contractVersionId;
  if (!versionId) {
    const v = await versionInForce(tx, tenant, inc.createdAt);
    if (!v) return [];
    versionId = v.id;
    await q.setIncidentVersion(tx, tenant, incidentId, versionId);
  }
  const version = await q.versionById(tx, versionId);
  if (!version) return [];
  const computed = computeClocks(incidentFacts(inc, transitions), version, now);
  const changes = await q.saveClocks(tx, tenant, incidentId, versionId, computed, inc.assigneeId, now);
  const mail: string[] = [];
  const audience = {};
  for (const c of changes) mail.push(...(await announce(tx, { ...c, customerId: tenant, incidentId }, now, audience)));
  return mail;
}

/** One alert row and one e-mail per transition, whoever sees it first (sweep or recompute, any instance). */
async function announce(
  tx: DbOrTx,
  c: {
    id: string;
    customerId: string;
    incidentId: string;
    metric: string;
    kind: "at_risk" | "breached";
    dueAt: Date | null;
  },
  now: Date,
  /** Read once per sweep or recompute, not once per transition. */
  audience: { managers?: string[]; branding?: Awaited<ReturnType<typeof getBranding>> } = {},
): Promise<string[]> {
  if (!(await q.claimNotification(tx, c.id, c.kind, now))) return [];
  await q.insertSlaAlert(tx, {
    customerId: c.customerId,
    incidentId: c.incidentId,
    clockId: c.id,
    kind: c.kind,
    metric: c.metric,
    dueAt: c.dueAt,
  });
  const inc = await q.incidentForAlert(tx, c.incidentId);
  if (!inc) return [];
  // The announcement is the provider's: its recipients are provider memberships and its e-mails belong to no customer.
  return withProviderScope(tx, () => announceToStaff(tx, c, now, audience, inc));
}

async function announceToStaff(
  tx: DbOrTx,
  c: { id: string; incidentId: string; metric: string; kind: "at_risk" | "breached"; dueAt: Date | null },
  now: Date,
  audience: { managers?: string[]; branding?: Awaited<ReturnType<typeof getBranding>> },
  inc: NonNullable<Awaited<ReturnType<typeof q.incidentForAlert>>>,
): Promise<string[]> {
  audience.managers ??= (await listSocManagers(tx)).map((m) => m.email);
  audience.branding ??= await getBranding(tx);
  const recipients = new Set(audience.managers);
  if (inc.assigneeEmail) recipients.add(inc.assigneeEmail);
  const ids: string[] = [];
  for (const email of slaAlertEmails(c, now, [...recipients], audience.branding, inc))
    ids.push(await sendEmail(tx, email));
  return ids;
}

/** The messages announcing one clock's transition, one per recipient (pure; `announce` sends them). */
export function slaAlertEmails(
  c: { metric: string; kind: "at_risk" | "breached"; dueAt: Date | null },
  now: Date,
  recipients: readonly string[],
  branding: Awaited<ReturnType<typeof getBranding>>,
  inc: Pick<
    NonNullable<Awaited<ReturnType<typeof q.incidentForAlert>>>,
    "id" | "number" | "title" | "severity" | "assigneeName" | "customerName" | "customerSlug"
  >,
): OutgoingEmail[] {
  const reference = incidentReference(inc.customerSlug, inc.number);
  const metricLabel = METRIC_LABELS[c.metric as keyof typeof METRIC_LABELS];
  return recipients.map((to) => ({
    to,
    template: `sla-${c.kind}`,
    createdAt: now,
    subject:
      `${c.kind === "breached" ? "SLA breached" : "SLA at risk"}: ${metricLabel} — ${reference} ${inc.title}`.slice(
        0,
        250,
      ),
    element: createElement(SlaAlertEmail, {
      branding,
      kind: c.kind,
      customerName: inc.customerName,
      reference,
      title: inc.title,
      metricLabel,
      severityLabel: SEVERITY_LABELS[inc.severity] ?? "Unknown",
      dueAt: c.dueAt ? `${c.dueAt.toISOString().slice(0, 16).replace("T", " ")} UTC` : "—",
      assignee: inc.assigneeName,
      url: new URL(`/console/incidents/${inc.id}`, env.BETTER_AUTH_URL).toString(),
    }),
  }));
}

/**
 * The minute sweep: moves clocks whose time has come to at risk or breached and announces each transition once.
 * Safe to run on several instances at the same moment.
 */
export async function runSlaSweep(db: Db, now = new Date()) {
  const result = await db.transaction(async (tx) => {
    const breached = await q.sweepBreaches(tx, now);
    const atRisk = await q.sweepAtRisk(tx, now);
    await q.markMonthsDirty(
      tx,
      [...breached, ...atRisk].map((c) => c.id),
    );
    const mail: string[] = [];
    const audience = {};
    for (const c of breached) mail.push(...(await announce(tx, { ...c, kind: "breached" }, now, audience)));
    for (const c of atRisk) mail.push(...(await announce(tx, { ...c, kind: "at_risk" }, now, audience)));
    return { breached: breached.length, atRisk: atRisk.length, mail };
  });
  if (result.mail.length) await deliverQueued(db, result.mail);
  const rebuilt = await q.refreshDirtyMonths(db);
  return { breached: result.breached, atRisk: result.atRisk, emails: result.mail.length, monthsRebuilt: rebuilt };
}
