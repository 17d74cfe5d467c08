import { SeverityBadge } from "@/app/_components/ui/badge";
import { TD, TR } from "@/app/_components/ui/table";
import { DateTime } from "../_components/date-time";
import type { RouterOutputs } from "../_components/types";
import { formatDuration, formatTarget, METRIC_LABELS } from "./_lib/sla-format";
import { CustomerCell, IncidentCell } from "./incident-cell";
import { OnDutyAtBreach } from "./shift-breaches";

type Row = RouterOutputs["sla"]["breaches"]["rows"][number];

/** One breach: when it was due, the incident, the clock, how late, the customer, who was on duty, how it stopped. */
export function BreachRow({ row: r }: { row: Row }) {
  const lateMs = r.elapsedMs - r.targetMinutes * 60_000;
  return (
    <TR>
      <TD className="py-2 whitespace-nowrap">{r.dueAt ? <DateTime value={r.dueAt} /> : "—"}</TD>
      <IncidentCell className="max-w-72" incidentId={r.incidentId} reference={r.reference} title={r.title} />
      <TD className="py-2">
        <div className="grid justify-items-start gap-1">
          <span className="font-medium whitespace-nowrap">{METRIC_LABELS[r.metric]}</span>
          <span className="flex flex-wrap items-center gap-1.5 text-xs text-muted-foreground">
            <SeverityBadge severity={r.severity} />
            target {formatTarget(r.targetMinutes)}
          </span>
        </div>
      </TD>
      <TD className="py-2 whitespace-nowrap">
        {r.stopAt && lateMs > 0 ? (
          <span className="font-medium text-destructive tabular-nums">{formatDuration(lateMs)}</span>
        ) : r.stopAt ? (
          <span className="text-muted-foreground">—</span>
        ) : (
          <span className="text-muted-foreground" title="The clock has not stopped, so how late it ends up is open">
            still running
          </span>
        )}
        {r.stopAt ? (
          <span className="block text-xs text-muted-foreground tabular-nums">took {formatDuration(r.elapsedMs)}</span>
        ) : null}
      </TD>
      <CustomerCell name={r.customerName} />
      <TD className="hidden max-w-56 py-2 lg:table-cell">
        <OnDutyAtBreach row={r} />
      </TD>
      <TD className="hidden py-2 sm:table-cell">
        {r.stopAt ? (
          <>
            <span className="whitespace-nowrap">{r.stoppedBy ?? "stopped"}</span>
            <DateTime value={r.stopAt} className="block text-xs whitespace-nowrap text-muted-foreground" />
          </>
        ) : (
          <span className="text-muted-foreground">Not stopped</span>
        )}
      </TD>
    </TR>
  );
}
