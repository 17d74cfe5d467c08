import { and, eq, inArray, isNull } from "drizzle-orm";
import { createElement } from "react";
import { Temporal } from "temporal-polyfill";
import type { Db } from "@/db";
import { memberships, user } from "@/db/schema";
import ContractReminderEmail from "@/emails/contract-reminder";
import { deliverQueued, sendEmail } from "@/server/email/send";
import { env } from "@/server/env";
import { claimRun } from "@/server/jobs/claim";
import { getBranding } from "@/server/provider/queries";
import { deploymentsOfAll, listCurrentVersionsAll, NO_DEPLOYMENT } from "./queries";
import { contractWarnings } from "./warnings";

const REMIND: string[] = ["renewal_due", "notice_passed", "expired", "endpoints_over", "sensors_over", "class_missing"];

/**
 * Daily: e-mails provider admins and SOC managers about renewals coming due, expiries and deployments beyond the
 * licence. Each (contract version, warning, level) is sent once ever, claimed like a scheduled run.
 */
export async function runContractReminders(db: Db, now = new Date()) {
  const [rows, deployments] = await Promise.all([listCurrentVersionsAll(db, now), deploymentsOfAll(db)]);
  const recipients = (
    await db
      .select({ email: user.email })
      .from(memberships)
      .innerJoin(user, eq(user.id, memberships.userId))
      .where(and(isNull(memberships.customerId), inArray(memberships.role, ["admin", "soc_manager"])))
  ).map((r) => r.email);
  const branding = await getBranding(db);
  const ids: string[] = [];
  let sent = 0;
  for (const r of rows) {
    if (!r.version) continue;
    const today = Temporal.Instant.fromEpochMilliseconds(now.getTime())
      .toZonedDateTimeISO(r.timezone)
      .toPlainDate()
      .toString();
    const warnings = contractWarnings(r.version, deployments.get(r.customerId) ?? NO_DEPLOYMENT, today).filter((w) =>
      REMIND.includes(w.kind),
    );
    const fresh = [];
    for (const w of warnings) {
      if (await claimRun(db, "contract-reminder", `${r.version.id}:${w.kind}:${w.level}`)) fresh.push(w);
    }
    if (!fresh.length) continue;
    sent++;
    for (const to of recipients) {
      ids.push(
        await sendEmail(db, {
          to,
          customerId: r.customerId,
          template: "contract-reminder",
          subject: `Contract reminder: ${r.customerName} — ${fresh[0]!.message}`.slice(0, 250),
          element: createElement(ContractReminderEmail, {
            branding,
            customerName: r.customerName,
            reference: r.reference ?? "",
            items: fresh.map((w) => ({ level: w.level, message: w.message })),
            url: new URL(`/console/customers/${r.customerSlug}/contract`, env.BETTER_AUTH_URL).toString(),
          }),
        }),
      );
    }
  }
  if (ids.length) await deliverQueued(db, ids);
  return { customers: sent, emails: ids.length };
}
