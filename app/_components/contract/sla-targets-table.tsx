import { SeverityBadge } from "@/app/_components/ui/badge";
import { Table, TBody, TD, TH, THead, TR } from "@/app/_components/ui/table";
import { cn } from "@/app/_lib/cn";
import { formatMinutes } from "@/app/_lib/contract-terms";
import { METRICS, type Metric, SLA_SEVERITIES, type SlaTargets } from "@/db/schema/contracts";

export const METRIC_SHORT: Record<Metric, string> = {
  acknowledge: "Acknowledge",
  notify: "Notify customer",
  contain: "Contain",
  resolve: "Resolve",
};

const METRIC_TINY: Record<Metric, string> = {
  acknowledge: "Ack.",
  notify: "Notify",
  contain: "Contain",
  resolve: "Resolve",
};

/**
 * SLA targets as a severity × metric table: "15 min", "4 h", "1 d", or "—" where there is no target. On phones the
 * headers shorten and long values ("15 minutes") fall back to the compact form, so the table fits without scrolling.
 */
export function SlaTargetsTable({
  targets,
  metricLabels = METRIC_SHORT,
  tinyLabels = METRIC_TINY,
  style = "short",
  caption,
  className,
}: {
  targets: SlaTargets;
  metricLabels?: Record<Metric, string>;
  /** Column headers on phones. */
  tinyLabels?: Record<Metric, string>;
  style?: "short" | "long";
  caption?: string;
  className?: string;
}) {
  return (
    <Table className={className}>
      {caption ? <caption className="sr-only">{caption}</caption> : null}
      <THead>
        <TR>
          <TH>Severity</TH>
          {METRICS.map((m) => (
            <TH key={m} className="px-2 text-right whitespace-normal sm:px-3">
              <span className="hidden sm:inline">{metricLabels[m]}</span>
              <abbr title={metricLabels[m]} className="no-underline sm:hidden">
                {tinyLabels[m]}
              </abbr>
            </TH>
          ))}
        </TR>
      </THead>
      <TBody>
        {SLA_SEVERITIES.map((s) => (
          <TR key={s}>
            <TH scope="row" className="h-auto py-2.5 font-normal">
              <SeverityBadge severity={s} />
            </TH>
            {METRICS.map((m) => {
              const v = targets[s]?.[m] ?? null;
              return (
                <TD
                  key={m}
                  className={cn(
                    "px-2 text-right tabular-nums whitespace-nowrap sm:px-3",
                    v === null && "text-muted-foreground",
                  )}
                >
                  {v === null ? (
                    <>
                      <span aria-hidden="true">—</span>
                      <span className="sr-only">No target</span>
                    </>
                  ) : style === "long" ? (
                    <>
                      <span className="hidden sm:inline">{formatMinutes(v, "long")}</span>
                      <span className="sm:hidden">{formatMinutes(v)}</span>
                    </>
                  ) : (
                    formatMinutes(v)
                  )}
                </TD>
              );
            })}
          </TR>
        ))}
      </TBody>
    </Table>
  );
}
