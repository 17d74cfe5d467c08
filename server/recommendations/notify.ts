import { createElement } from "react";
import type { DbOrTx } from "@/db";
import RecommendationNewEmail from "@/emails/recommendation-new";
import { findCustomer } from "@/server/customers/queries";
import { sendEmail } from "@/server/email/send";
import { env } from "@/server/env";
import { getBranding } from "@/server/provider/queries";
import type { TenantId } from "@/server/tenancy/tenant";
import { SEVERITY_LABELS } from "./labels";
import { type RecRow, reportContacts, updateRec } from "./queries";

/**
 * E-mails the customer's report contacts about a critical or high recommendation, once in its life (`notifiedAt`),
 * in the caller's transaction. Returns outbox ids to deliver after commit.
 */
export async function notifyIfSerious(tx: DbOrTx, tenant: TenantId, rec: RecRow, at: Date): Promise<string[]> {
  if (rec.notifiedAt || (rec.severity !== "critical" && rec.severity !== "high")) return [];
  if (rec.status !== "open" && rec.status !== "accepted") return [];
  const [contacts, customer, branding] = await Promise.all([
    reportContacts(tx, tenant),
    findCustomer(tx, tenant),
    getBranding(tx),
  ]);
  await updateRec(tx, tenant, rec.id, { notifiedAt: at });
  const url = new URL(`/portal/recommendations?open=${rec.id}`, env.BETTER_AUTH_URL).toString();
  const ids: string[] = [];
  for (const c of contacts) {
    ids.push(
      await sendEmail(tx, {
        to: c.email,
        customerId: tenant,
        template: "recommendation-new",
        createdAt: at,
        subject: `[${SEVERITY_LABELS[rec.severity]}] Recommendation: ${rec.title}`.slice(0, 250),
        element: createElement(RecommendationNewEmail, {
          branding,
          customerName: customer?.name ?? "",
          severityLabel: SEVERITY_LABELS[rec.severity],
          title: rec.title,
          body: rec.body,
          url,
        }),
      }),
    );
  }
  return ids;
}
