import { formatCount } from "@/lib/format";
import type { RouterOutputs } from "../_components/types";
import { Tile } from "./tile";

type Data = RouterOutputs["operations"]["home"]["intake"];

const dayLabel = (day: string) =>
  new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", timeZone: "UTC" }).format(
    new Date(`${day}T00:00:00Z`),
  );

/** Alerts received today against the days before, as bars with the same numbers in a table for screen readers. */
export function IntakeTile({ data }: { data: Data }) {
  const max = Math.max(1, ...data.days.map((d) => d.count));
  const trend = data.averageBefore ? Math.round(((data.today - data.averageBefore) / data.averageBefore) * 100) : null;
  return (
    <Tile
      title="Today's intake"
      description="Alerts received per day, last 14 days (your time zone)."
      href="/console/queue?status=all"
      linkText="Alert queue"
    >
      <p className="text-sm">
        <span className="text-2xl font-semibold tabular-nums">{formatCount(data.today)}</span> alerts today;{" "}
        {formatCount(data.averageBefore)} a day on average before
        {trend !== null ? ` (${trend >= 0 ? "+" : ""}${trend} %)` : ""}.
      </p>
      <div aria-hidden="true" className="mt-3 flex h-24 items-end gap-1">
        {data.days.map((d) => (
          <div
            key={d.day}
            className="flex h-full min-w-0 flex-1 flex-col justify-end"
            title={`${dayLabel(d.day)}: ${d.count}`}
          >
            <div className="rounded-t-sm bg-primary" style={{ height: `${Math.max(2, (d.count / max) * 100)}%` }} />
          </div>
        ))}
      </div>
      <div aria-hidden="true" className="mt-1 flex justify-between text-xs text-muted-foreground">
        <span>{dayLabel(data.days[0]!.day)}</span>
        <span>today</span>
      </div>
      <table className="sr-only">
        <caption>Alerts received per day</caption>
        <thead>
          <tr>
            <th scope="col">Day</th>
            <th scope="col">Alerts</th>
          </tr>
        </thead>
        <tbody>
          {data.days.map((d) => (
            <tr key={d.day}>
              <td>{dayLabel(d.day)}</td>
              <td>{d.count}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Tile>
  );
}
