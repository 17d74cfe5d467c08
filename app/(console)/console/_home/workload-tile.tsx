import Link from "@/app/_components/ui/link";
import type { RouterOutputs } from "../_components/types";
import { Tile } from "./tile";

type Row = RouterOutputs["operations"]["home"]["workload"][number];

/** What each analyst (and manager) holds: open incidents assigned and alerts acknowledged but not closed. */
export function WorkloadTile({ rows: all }: { rows: Row[] }) {
  // Those holding work, busiest first; the rest (a roster of dozens) are counted, not listed as zeros.
  const load = (r: Row) => r.incidents + r.alerts;
  const rows = all.filter((r) => load(r) > 0).sort((a, b) => load(b) - load(a) || a.name.localeCompare(b.name));
  const idle = all.length - rows.length;
  const max = Math.max(1, ...rows.map(load));
  return (
    <Tile
      title="Workload per analyst"
      description="Open incidents and acknowledged alerts each person holds."
      href="/console/staff"
      linkText="Staff"
    >
      <ul className="grid gap-2 text-sm">
        {rows.map((r) => (
          <li key={r.userId} className="grid gap-1">
            <div className="flex justify-between gap-2">
              <Link href={`/console/incidents?assignee=${r.userId}`} className="truncate underline underline-offset-4">
                {r.name}
              </Link>
              <span className="shrink-0 tabular-nums text-muted-foreground">
                {r.incidents} incidents · {r.alerts} alerts
              </span>
            </div>
            <span aria-hidden="true" className="block h-1.5 rounded-full bg-muted">
              <span
                className="block h-1.5 rounded-full bg-primary"
                style={{ width: `${((r.incidents + r.alerts) / max) * 100}%` }}
              />
            </span>
          </li>
        ))}
      </ul>
      {idle > 0 ? (
        <p className="mt-3 text-sm text-muted-foreground">
          {rows.length === 0
            ? "Nobody holds open work."
            : `${idle} ${idle === 1 ? "other person holds" : "others hold"} nothing open.`}
        </p>
      ) : null}
    </Tile>
  );
}
