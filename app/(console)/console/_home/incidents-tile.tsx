import Link from "@/app/_components/ui/link";
import { STATUS_LABELS } from "@/server/incidents/lifecycle";
import type { RouterOutputs } from "../_components/types";
import { Tile } from "./tile";

type Summary = RouterOutputs["operations"]["home"]["incidents"];

/**
 * Open incidents by state, and by assignee (unassigned first, then who holds most; the rest summed), each linking to
 * the filtered incident list.
 */
export function IncidentsTile({ data }: { data: Summary }) {
  const { total, byStatus, byAssignee: assignees, others } = data;
  return (
    <Tile
      title="Open incidents"
      description={`${total} open, by state and by who holds them.`}
      href="/console/incidents"
      linkText="Incidents"
    >
      {total === 0 ? (
        <p className="text-sm text-muted-foreground">No open incident.</p>
      ) : (
        <div className="grid gap-4 sm:grid-cols-2">
          <ul className="grid content-start gap-1 text-sm" aria-label="By state">
            {byStatus.map((v) => (
              <li key={v.status} className="flex justify-between gap-2">
                <Link href={`/console/incidents?status=${v.status}`} className="underline underline-offset-4">
                  {STATUS_LABELS[v.status as keyof typeof STATUS_LABELS] ?? v.status}
                </Link>
                <span className="tabular-nums">
                  {v.count}
                  {v.critical ? <span className="text-destructive"> ({v.critical} critical)</span> : null}
                </span>
              </li>
            ))}
          </ul>
          <ul className="grid content-start gap-1 text-sm" aria-label="By assignee">
            {assignees.map((a) => (
              <li key={a.id ?? "none"} className="flex justify-between gap-2">
                {a.id ? (
                  <Link href={`/console/incidents?assignee=${a.id}`} className="truncate underline underline-offset-4">
                    {a.name}
                  </Link>
                ) : (
                  <span className="truncate font-medium">{a.name}</span>
                )}
                <span className="tabular-nums">{a.count}</span>
              </li>
            ))}
            {others.people ? (
              <li className="flex justify-between gap-2 text-muted-foreground">
                <span>
                  {others.people} more {others.people === 1 ? "person" : "people"}
                </span>
                <span className="tabular-nums">{others.count}</span>
              </li>
            ) : null}
          </ul>
        </div>
      )}
    </Tile>
  );
}
