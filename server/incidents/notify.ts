import { createElement } from "react";
import type { DbOrTx } from "@/db";
import IncidentUpdateEmail, { type IncidentUpdateKind } from "@/emails/incident-update";
import { type OutgoingEmail, sendEmail } from "@/server/email/send";
import { env } from "@/server/env";
import { getBranding } from "@/server/provider/queries";
import type { TenantId } from "@/server/tenancy/tenant";
import { STATUS_LABELS } from "./lifecycle";
import { contactsToNotify } from "./queries";
import { incidentReference, SEVERITY_LABELS, severityName } from "./severity";

type IncidentLike = {
  id: string;
  number: number;
  title: string;
  severity: number;
  status: keyof typeof STATUS_LABELS;
};

/**
 * E-mails the customer's contacts for the incident's severity (escalation matrix, e-mail channel), in the caller's
 * transaction. Returns the outbox ids (deliver after commit) and who was told.
 */
export async function notifyCustomerContacts(
  tx: DbOrTx,
  tenant: TenantId,
  customer: { name: string; slug: string },
  incident: IncidentLike,
  kind: IncidentUpdateKind,
  message: string | null,
  at?: Date,
) {
  const contacts = await contactsToNotify(tx, tenant, severityName(incident.severity));
  const branding = await getBranding(tx);
  const ids: string[] = [];
  for (const email of incidentUpdateEmails(tenant, customer, incident, kind, message, at, contacts, branding))
    ids.push(await sendEmail(tx, email));
  return { ids, recipients: contacts.map((c) => c.email) };
}

/** The messages of one customer-facing update, one per contact (pure; `notifyCustomerContacts` sends them). */
export function incidentUpdateEmails(
  tenant: TenantId,
  customer: { name: string; slug: string },
  incident: IncidentLike,
  kind: IncidentUpdateKind,
  message: string | null,
  at: Date | undefined,
  contacts: readonly { email: string }[],
  branding: Awaited<ReturnType<typeof getBranding>>,
): OutgoingEmail[] {
  const reference = incidentReference(customer.slug, incident.number);
  const portalUrl = new URL(`/portal/incidents/${incident.id}`, env.BETTER_AUTH_URL).toString();
  return contacts.map((c) => ({
    to: c.email,
    customerId: tenant,
    template: `incident-${kind}`,
    createdAt: at,
    subject: `[${SEVERITY_LABELS[incident.severity]}] ${reference} ${incident.title}`.slice(0, 250),
    element: createElement(IncidentUpdateEmail, {
      branding,
      kind,
      customerName: customer.name,
      reference,
      title: incident.title,
      severityLabel: SEVERITY_LABELS[incident.severity] ?? "Unknown",
      statusLabel: STATUS_LABELS[incident.status],
      message,
      portalUrl,
    }),
  }));
}
