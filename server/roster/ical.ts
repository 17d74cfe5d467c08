import ical from "ical-generator";

/**
 * iCalendar feed (RFC 5545) of shift instances, built with ical-generator: UTC times, one VEVENT per (instance, person)
 * with a UID stable across rebuilds, and a SEQUENCE that grows whenever the instance changes. Pure.
 */
export type FeedShift = {
  rosterId: string;
  teamId: string;
  date: string;
  slotId: string;
  userId: string;
  start: number;
  end: number;
  summary: string;
  description: string;
  sequence: number;
  cancelled?: boolean;
};

export const shiftUid = (s: Pick<FeedShift, "rosterId" | "teamId" | "date" | "slotId" | "userId">, domain: string) =>
  `shift-${s.rosterId}-${s.teamId}-${s.date}-${s.slotId}-${s.userId.replace(/[^A-Za-z0-9_-]/g, "_")}@${domain}`;

export function buildFeed(name: string, shifts: FeedShift[], opts: { domain: string; stamp: Date }): string {
  const cal = ical({ name, prodId: { company: "Watchkeeper", product: "roster", language: "EN" }, ttl: 3600 });
  for (const s of shifts) {
    cal.createEvent({
      id: shiftUid(s, opts.domain),
      sequence: s.sequence,
      start: new Date(s.start),
      end: new Date(s.end),
      stamp: opts.stamp,
      summary: s.summary,
      description: s.description,
    });
  }
  return cal.toString();
}

/**
 * SEQUENCE of one person's instance: the roster's revision plus every override on the instance and every approved time
 * off of theirs overlapping it. Each only ever grows, so a change never lowers it.
 */
export function shiftSequence(
  revision: number,
  overrideKeys: string[],
  key: string,
  timeOff: { from: number; to: number }[],
  span: { start: number; end: number },
): number {
  return (
    revision +
    overrideKeys.filter((k) => k === key).length +
    timeOff.filter((t) => t.from < span.end && t.to > span.start).length
  );
}
