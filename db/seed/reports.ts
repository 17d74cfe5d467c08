import type { Db } from "@/db";
import { activeCustomers } from "@/server/reports/queries";
import { completedMonths, reportSendTime } from "@/server/reports/schedule";
import { processReportJobs, queueDueReports } from "@/server/reports/service";

/**
 * The month-end runs of the last three months, made by the real schedule and worker at the instants they would have
 * run (06:00 on each 1st in every customer's zone): reports stored, and e-mails to the report contacts in the outbox.
 */
export async function seedReports(db: Db, now: Date) {
  const customers = await activeCustomers(db);
  let done = 0;
  for (const month of completedMonths(now, "UTC", 3).reverse()) {
    const instants = [...new Set(customers.map((c) => reportSendTime(month, c.timezone).getTime()))].sort();
    for (const t of instants) {
      const at = new Date(t);
      await queueDueReports(db, at);
      done += (await processReportJobs(db, { now: () => at })).done;
    }
  }
  return { reports: done };
}
