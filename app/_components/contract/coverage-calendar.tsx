import { type CoverageLike, formatPlainDate, WEEKDAY_LONG, WEEKDAYS, zoneLabel } from "@/app/_lib/contract-terms";

const SHOWN_HOLIDAYS = 12;

/** The coverage calendar: "around the clock", or the covered hours per weekday, the time zone and the holidays. */
export function CoverageCalendar({
  coverage,
  alwaysText = "Around the clock, every day of the year, holidays included.",
}: {
  coverage: CoverageLike;
  alwaysText?: string;
}) {
  if (coverage.kind === "24x7") return <p className="text-sm">{alwaysText}</p>;
  const holidays = [...coverage.holidays].sort();
  const shown = holidays.slice(0, SHOWN_HOLIDAYS);
  const rest = holidays.slice(SHOWN_HOLIDAYS);
  return (
    <div className="grid gap-4 text-sm">
      <p className="text-muted-foreground">
        Local time in <span className="font-medium text-foreground">{zoneLabel(coverage.timeZone)}</span>
      </p>
      <dl className="grid grid-cols-[max-content_minmax(0,1fr)] gap-x-6 gap-y-1.5">
        {WEEKDAYS.map((d) => {
          const windows = [...(coverage.weekdays[d] ?? [])].sort((a, b) => a.start.localeCompare(b.start));
          return (
            <div key={d} className="contents">
              <dt className="text-muted-foreground">{WEEKDAY_LONG[d]}</dt>
              <dd className="tabular-nums">
                {windows.length ? (
                  windows.map((w) => `${w.start}–${w.end}`).join(", ")
                ) : (
                  <span className="text-muted-foreground">Not covered</span>
                )}
              </dd>
            </div>
          );
        })}
      </dl>
      <div className="grid gap-1.5">
        <p className="font-medium">
          {holidays.length === 0
            ? "No holidays"
            : `${holidays.length} ${holidays.length === 1 ? "holiday" : "holidays"} (not covered)`}
        </p>
        {holidays.length ? (
          <ul className="flex flex-wrap gap-1.5">
            {shown.map((h) => (
              <HolidayChip key={h} date={h} />
            ))}
          </ul>
        ) : null}
        {rest.length ? (
          <details className="group">
            <summary className="cursor-pointer text-xs font-medium text-primary">Show {rest.length} more</summary>
            <ul className="mt-1.5 flex flex-wrap gap-1.5">
              {rest.map((h) => (
                <HolidayChip key={h} date={h} />
              ))}
            </ul>
          </details>
        ) : null}
      </div>
    </div>
  );
}

function HolidayChip({ date }: { date: string }) {
  return (
    <li className="rounded-md border border-border bg-muted px-1.5 py-0.5 text-xs tabular-nums">
      <time dateTime={date}>{formatPlainDate(date)}</time>
    </li>
  );
}
