import { createElement } from "react";
import type { Db } from "@/db";
import RosterGapsEmail from "@/emails/roster-gaps";
import { deliverQueued, sendEmail } from "@/server/email/send";
import { env } from "@/server/env";
import { getBranding } from "@/server/provider/queries";
import { listSocManagers } from "@/server/tenancy/queries";
import { loadPlan } from "./plan";
import * as q from "./queries";

const DAY = 86_400_000;
const REASONS: Record<string, string> = { headcount: "too few on duty", seniority: "no senior analyst" };
const reasonText = (r: string) =>
  REASONS[r] ?? (r.startsWith("skill:") ? `no ${r.slice(6)} skill` : `no ${r.slice(9)} speaker`);
const utc = (t: number) => `${new Date(t).toISOString().slice(0, 16).replace("T", " ")} UTC`;

/**
 * Daily: e-mails SOC managers every new gap that starts within 14 days, once per gap. A gap is claimed by inserting its
 * start into roster_gap_notices (unique), so any number of instances send it once.
 */
export async function runGapNotices(db: Db, now = new Date()) {
  const t = now.getTime();
  const plan = await loadPlan(db, t, t + 14 * DAY, t);
  const fresh = [];
  for (const g of plan.gaps) {
    if (g.start < t) continue; // already under way: not news
    if (await q.claimGapNotice(db, { start: new Date(g.start), end: new Date(g.end), reasons: g.reasons }))
      fresh.push(g);
  }
  if (!fresh.length) return { gaps: 0, emails: 0 };
  const [managers, branding] = await Promise.all([listSocManagers(db), getBranding(db)]);
  const ids: string[] = [];
  for (const m of managers) {
    ids.push(
      await sendEmail(db, {
        to: m.email,
        template: "roster-gaps",
        subject: `Roster: ${fresh.length} new gap${fresh.length === 1 ? "" : "s"} in the next 14 days`,
        element: createElement(RosterGapsEmail, {
          branding,
          url: new URL("/console/roster", env.BETTER_AUTH_URL).toString(),
          gaps: fresh.map((g) => ({
            when: `${utc(g.start)} – ${utc(g.end)}`,
            reasons: g.reasons.map(reasonText).join(", "),
            customers: g.customers.length
              ? `Customers: ${g.customers.map((c) => c.name).join(", ")}`
              : "No customer in coverage",
          })),
        }),
      }),
    );
  }
  if (ids.length) await deliverQueued(db, ids);
  return { gaps: fresh.length, emails: ids.length };
}
