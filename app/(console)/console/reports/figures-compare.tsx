"use client";

import { useQuery } from "@tanstack/react-query";
import { Alert } from "@/app/_components/ui/alert";
import { LoadingState } from "@/app/_components/ui/states";
import { cn } from "@/app/_lib/cn";
import { useTRPC } from "@/app/_lib/trpc/client";
import { formatShare } from "@/lib/format";
import { QueryError } from "../_components/query-error";
import { formatDuration } from "../sla/_lib/sla-format";
import type { ReportVersion } from "./report-labels";

type Figures = NonNullable<ReportVersion["figures"]>;

const pct = (f: Figures) => (f.slaMet + f.slaBreached ? formatShare(f.slaMet / (f.slaMet + f.slaBreached)) : "—");
const time = (ms: number | null) => (ms === null ? "—" : formatDuration(ms));
/** A stored ratio as the PDF prints it (the one share formatter); "—" for no data or a version made before the figure. */
const ratio = (r: number | null | undefined) => formatShare(r);

const ROWS: { label: string; show: (f: Figures) => string }[] = [
  { label: "Alerts received", show: (f) => f.alertsReceived.toLocaleString("en-GB") },
  { label: "Alerts escalated", show: (f) => f.alertsEscalated.toLocaleString("en-GB") },
  { label: "Incidents opened with the customer", show: (f) => String(f.incidents) },
  { label: "of which high or critical", show: (f) => String(f.highOrCritical) },
  { label: "SLA targets met", show: (f) => `${pct(f)} (${f.slaMet} of ${f.slaMet + f.slaBreached})` },
  { label: "MTTA", show: (f) => time(f.mttaMs) },
  { label: "MTTR", show: (f) => time(f.mttrMs) },
  { label: "Posture score", show: (f) => (f.postureScore == null ? "—" : String(f.postureScore)) },
  { label: "Threat hunts concluded", show: (f) => (f.huntsConcluded == null ? "—" : String(f.huntsConcluded)) },
  {
    label: "Recommendations open at month end",
    show: (f) => (f.recommendationsOpen == null ? "—" : String(f.recommendationsOpen)),
  },
  { label: "Coverage at month end", show: (f) => ratio(f.coverageFigure) },
  { label: "EDR coverage", show: (f) => ratio(f.edrCoverage) },
  { label: "Mean sensor availability", show: (f) => ratio(f.sensorAvailability) },
];

/**
 * The latest version's key figures beside the same figures computed now (the customer's view, as the portal shows
 * them): a manager sees at once whether the report still tells the month as the data does, or needs regenerating.
 */
export function FiguresCompare({
  customerId,
  month,
  latest,
}: {
  customerId: string;
  month: string;
  latest: ReportVersion;
}) {
  const trpc = useTRPC();
  const live = useQuery(trpc.reports.figures.queryOptions({ customerId, month }));
  if (live.isPending) return <LoadingState label="Computing this month's figures…" rows={2} />;
  if (live.isError)
    return <QueryError title="Could not compute the figures" error={live.error} onRetry={() => live.refetch()} />;
  const stored = latest.figures;
  const rows = ROWS.map((r) => {
    const now = r.show(live.data);
    const then = stored ? r.show(stored) : null;
    return { label: r.label, now, then, changed: then !== null && then !== now };
  });
  const changed = rows.filter((r) => r.changed).length;
  return (
    <div className="grid gap-3">
      <table className="w-full text-sm">
        <caption className="sr-only">Key figures of version {latest.version} and now</caption>
        <thead>
          <tr className="border-b border-border text-left text-xs text-muted-foreground">
            <th scope="col" className="py-1.5 pr-3 font-medium">
              Figure
            </th>
            <th scope="col" className="py-1.5 pr-3 text-right font-medium">
              In version {latest.version}
            </th>
            <th scope="col" className="py-1.5 text-right font-medium">
              Now
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.label} className="border-b border-border last:border-0">
              <th scope="row" className="py-1.5 pr-3 text-left font-normal text-muted-foreground">
                {r.label}
              </th>
              <td className="py-1.5 pr-3 text-right tabular-nums">{r.then ?? "—"}</td>
              <td className={cn("py-1.5 text-right tabular-nums", r.changed && "font-semibold text-warning")}>
                {r.now}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {!stored ? null : changed ? (
        <Alert tone="warning" title={`${changed} ${changed === 1 ? "figure has" : "figures have"} changed`}>
          The data behind this month changed after version {latest.version} was made. Regenerate to bring the report up
          to date (customers keep every version).
        </Alert>
      ) : (
        <p className="text-xs text-muted-foreground">
          The latest version matches the data now: the same numbers as the customer's portal and SLA pages.
        </p>
      )}
    </div>
  );
}
