import Link from "@/app/_components/ui/link";
import { STATUS_LABELS } from "@/server/incidents/lifecycle";
import type { RouterOutputs } from "../_components/types";
import { Tile } from "./tile";

type Row = RouterOutputs["operations"]["home"]["incidents"][number];

/** Open incidents by state, and by assignee (unassigned first), each linking to the filtered incident list. */
export function IncidentsTile({ rows }: { rows: Row[] }) {
  const byStatus = new Map<string, { count: number; critical: number }>();
  const byAssignee = new Map<string, { id: string | null; name: string; count: number }>();
  for (const r of rows) {
    const s = byStatus.get(r.status) ?? { count: 0, critical: 0 };
    byStatus.set(r.status, { count: s.count + r.count, critical: s.critical + r.critical });
    const key = r.assigneeId ?? "";
    const a = byAssignee.get(key) ?? { id: r.assigneeId, name: r.assigneeName ?? "Unassigned", count: 0 };
    byAssignee.set(key, { ...a, count: a.count + r.count });
  }
  const total = rows.reduce((a, r) => a + r.count, 0);
  const assignees = [...byAssignee.values()].sort(
    (a, b) => Number(a.id !== null) - Number(b.id !== null) || b.count - a.count,
  );
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
            {[...byStatus.entries()].map(([status, v]) => (
              <li key={status} className="flex justify-between gap-2">
                <Link href={`/console/incidents?status=${status}`} className="underline underline-offset-4">
                  {STATUS_LABELS[status as keyof typeof STATUS_LABELS] ?? status}
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
          </ul>
        </div>
      )}
    </Tile>
  );
}
