import { Temporal } from "temporal-polyfill";

/** When the month-end reports go out, in each customer's own time zone. Pure. */
export const REPORT_HOUR = 6;
/** A run missed on the 1st (every instance down) is caught up for this many days; after that it is left to people. */
export const CATCH_UP_DAYS = 3;

const zoned = (now: Date, timeZone: string) =>
  Temporal.Instant.fromEpochMilliseconds(now.getTime()).toZonedDateTimeISO(timeZone);

/**
 * The month whose report is due for a customer at `now`: the month just ended, from 06:00 local time on the 1st
 * until the catch-up window closes; otherwise null.
 */
export function reportDue(now: Date, timeZone: string): string | null {
  const local = zoned(now, timeZone);
  const firstOfMonth = local.toPlainDate().with({ day: 1 });
  const opens = firstOfMonth.toZonedDateTime({ timeZone, plainTime: { hour: REPORT_HOUR } });
  const closes = firstOfMonth.add({ days: CATCH_UP_DAYS }).toZonedDateTime({ timeZone });
  if (Temporal.ZonedDateTime.compare(local, opens) < 0 || Temporal.ZonedDateTime.compare(local, closes) >= 0) {
    return null;
  }
  return firstOfMonth.toPlainYearMonth().subtract({ months: 1 }).toString();
}

/** The instant reports for `month` go out in a zone: 06:00 local on the following 1st. */
export function reportSendTime(month: string, timeZone: string): Date {
  const first = Temporal.PlainYearMonth.from(month).add({ months: 1 }).toPlainDate({ day: 1 });
  return new Date(first.toZonedDateTime({ timeZone, plainTime: { hour: REPORT_HOUR } }).epochMilliseconds);
}

/** The last `n` complete months before the one containing `now` in the zone, newest first. */
export function completedMonths(now: Date, timeZone: string, n: number): string[] {
  const ym = zoned(now, timeZone).toPlainDate().toPlainYearMonth();
  return Array.from({ length: n }, (_, i) => ym.subtract({ months: i + 1 }).toString());
}
