import { Badge } from "@/app/_components/ui/badge";
import type { RouterOutputs } from "../_components/types";

type Breaches = RouterOutputs["sla"]["breaches"];

/**
 * Breaches per roster and per shift instance (the shifts on duty at each breach instant), most first; a shift with
 * breaches is marked on the roster timeline too.
 */
export function ShiftBreaches({
  perShift,
  perRoster,
  shifts,
}: {
  perShift: Breaches["perShift"];
  perRoster: Breaches["perRoster"];
  /** Shifts with a breach in all (the list holds the ones with most). */
  shifts: number;
}) {
  if (perShift.length === 0) return null;
  return (
    <div className="grid gap-2 border-t border-border px-5 py-3">
      <div>
        <h3 className="mb-2 text-xs font-medium text-muted-foreground">Breaches per roster</h3>
        <ul className="flex flex-wrap gap-1.5" aria-label="Breaches per roster">
          {perRoster.map((r) => (
            <li key={r.rosterId}>
              <Badge tone="danger">
                {r.roster}: {r.breaches.toLocaleString("en-GB")}
              </Badge>
            </li>
          ))}
        </ul>
      </div>
      <div>
        <h3 className="mb-2 text-xs font-medium text-muted-foreground">Breaches per shift</h3>
        <ul className="flex flex-wrap gap-1.5" aria-label="Breaches per shift">
          {perShift.map(({ shift, breaches }) => (
            <li key={shift.key}>
              <Badge tone="warning" className="whitespace-normal">
                {shift.roster} · {shift.team} · {shift.slot} {shift.date}: {breaches.toLocaleString("en-GB")}
              </Badge>
            </li>
          ))}
          {shifts > perShift.length ? (
            <li className="self-center text-xs text-muted-foreground">
              and {(shifts - perShift.length).toLocaleString("en-GB")} more shifts
            </li>
          ) : null}
        </ul>
      </div>
    </div>
  );
}

/** Who was on duty at one breach: the shift(s) then and their analysts, then the incident's assignee. */
export function OnDutyAtBreach({ row }: { row: Breaches["rows"][number] }) {
  return (
    <div className="grid gap-0.5">
      {row.shifts.map((s) => (
        <span key={s.key} className="line-clamp-2 break-words">
          <span className="text-xs text-muted-foreground">
            {s.team} {s.slot}:
          </span>{" "}
          {s.people.map((p) => p.name).join(", ") || "nobody"}
        </span>
      ))}
      {row.shifts.length === 0 ? <span className="text-muted-foreground">No shift</span> : null}
      <span className="text-xs text-muted-foreground">Assignee: {row.onDuty ?? "unassigned"}</span>
    </div>
  );
}
