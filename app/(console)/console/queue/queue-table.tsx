"use client";

import { useEffect, useRef } from "react";
import Link from "@/app/_components/ui/link";
import { SafeText, visibleText } from "@/app/_components/ui/safe-text";
import { Table, TBody, TD, TH, THead, TR } from "@/app/_components/ui/table";
import { cn } from "@/app/_lib/cn";
import { SOURCE_FORMAT_LABELS } from "@/server/sensors/schema";
import { DateTime } from "../_components/date-time";
import { SeverityIdBadge } from "../_components/severity";
import { AlertStatusBadge, VERDICT_LABELS } from "../_components/status-badges";
import { TechniqueChips } from "../_components/technique-chips";
import type { RouterOutputs } from "../_components/types";

export type QueueRow = RouterOutputs["alerts"]["queue"]["rows"][number];

function SelectAll({
  checked,
  indeterminate,
  onChange,
  disabled,
}: {
  checked: boolean;
  indeterminate: boolean;
  onChange: (checked: boolean) => void;
  disabled: boolean;
}) {
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (ref.current) ref.current.indeterminate = indeterminate;
  }, [indeterminate]);
  return (
    <input
      ref={ref}
      type="checkbox"
      aria-label="Select all alerts on this page"
      className="size-4 align-middle accent-primary"
      checked={checked}
      disabled={disabled}
      onChange={(e) => onChange(e.target.checked)}
    />
  );
}

export function QueueTable({
  rows,
  selected,
  onToggle,
  onToggleAll,
  selectable,
}: {
  rows: readonly QueueRow[];
  selected: ReadonlySet<string>;
  onToggle: (id: string, checked: boolean) => void;
  onToggleAll: (checked: boolean) => void;
  selectable: boolean;
}) {
  const count = rows.filter((r) => selected.has(r.id)).length;
  return (
    <Table framed className="text-[13px] [&_td]:px-2 [&_td:first-child]:pl-3 [&_th]:px-2 [&_th:first-child]:pl-3">
      <THead>
        <TR>
          {selectable ? (
            <TH className="w-9 pr-0">
              <SelectAll
                checked={count > 0 && count === rows.length}
                indeterminate={count > 0 && count < rows.length}
                disabled={rows.length === 0}
                onChange={onToggleAll}
              />
            </TH>
          ) : null}
          <TH className="hidden sm:table-cell">Severity</TH>
          <TH>Alert</TH>
          <TH className="hidden sm:table-cell">Customer</TH>
          <TH className="hidden 2xl:table-cell">Source</TH>
          <TH className="hidden lg:table-cell">Techniques</TH>
          <TH className="hidden sm:table-cell">Received</TH>
          <TH className="hidden text-right sm:table-cell">
            <abbr title="Occurrences" className="no-underline">
              Seen
            </abbr>
          </TH>
          <TH>Status</TH>
          <TH className="hidden md:table-cell">Assignee</TH>
          <TH className="hidden sm:table-cell">Incident</TH>
        </TR>
      </THead>
      <TBody>
        {rows.map((r) => {
          const isSelected = selected.has(r.id);
          return (
            <TR key={r.id} data-state={isSelected ? "selected" : undefined}>
              {selectable ? (
                <TD className="w-9 pr-0">
                  <input
                    type="checkbox"
                    aria-label={`Select “${visibleText(r.title)}”`}
                    className="size-4 align-middle accent-primary"
                    checked={isSelected}
                    onChange={(e) => onToggle(r.id, e.target.checked)}
                  />
                </TD>
              ) : null}
              <TD className="hidden py-2 sm:table-cell">
                <SeverityIdBadge value={r.severity} />
              </TD>
              <TD className="max-w-72 min-w-44 py-2 sm:min-w-52 2xl:max-w-96">
                <div className="mb-1 flex items-center gap-2 sm:hidden">
                  <SeverityIdBadge value={r.severity} />
                  {r.occurrences > 1 ? <span className="text-xs font-medium">×{r.occurrences}</span> : null}
                  {r.incidentId && r.incidentReference ? (
                    <Link
                      href={`/console/incidents/${r.incidentId}`}
                      className="font-mono text-xs font-medium text-primary hover:underline"
                    >
                      {r.incidentReference}
                    </Link>
                  ) : null}
                </div>
                <Link
                  href={`/console/alerts/${r.id}`}
                  title={visibleText(r.title)}
                  className="line-clamp-2 font-medium break-words text-foreground hover:text-primary hover:underline"
                >
                  <SafeText text={r.title} />
                </Link>
                <div className="truncate text-xs text-muted-foreground sm:hidden">
                  {r.customerName} · <DateTime value={r.receivedAt} mode="relative" />
                </div>
                <div className="hidden truncate text-xs text-muted-foreground sm:block 2xl:hidden">
                  {SOURCE_FORMAT_LABELS[r.source]}
                  {r.sensorName ? ` · ${r.sensorName}` : ""}
                </div>
              </TD>
              <TD className="hidden max-w-32 py-2 sm:table-cell">
                <span className="line-clamp-2 break-words" title={r.customerName}>
                  {r.customerName}
                </span>
              </TD>
              <TD className="hidden max-w-40 py-2 2xl:table-cell">
                <div className="truncate">{SOURCE_FORMAT_LABELS[r.source]}</div>
                <div className="truncate text-xs text-muted-foreground" title={r.sensorName ?? undefined}>
                  {r.sensorName ?? "Sensor removed"}
                </div>
              </TD>
              <TD className="hidden py-2 lg:table-cell">
                <TechniqueChips ids={r.techniques} max={1} className="flex-nowrap" />
              </TD>
              <TD className="hidden py-2 whitespace-nowrap text-muted-foreground sm:table-cell">
                <DateTime value={r.receivedAt} mode="relative" />
              </TD>
              <TD className="hidden py-2 text-right whitespace-nowrap tabular-nums sm:table-cell">
                {r.occurrences > 1 ? (
                  <span title={`Seen ${r.occurrences} times`} className="font-medium">
                    ×{r.occurrences}
                  </span>
                ) : (
                  <>
                    <span className="sr-only">Once</span>
                    <span aria-hidden="true" className="text-muted-foreground">
                      ·
                    </span>
                  </>
                )}
              </TD>
              <TD className="py-2">
                <div className="grid justify-items-start gap-0.5">
                  <AlertStatusBadge status={r.status} />
                  {r.verdict ? (
                    <span className="text-xs whitespace-nowrap text-muted-foreground">{VERDICT_LABELS[r.verdict]}</span>
                  ) : null}
                </div>
              </TD>
              <TD className={cn("hidden max-w-32 py-2 md:table-cell", !r.assigneeName && "text-muted-foreground")}>
                <span className="line-clamp-2 break-words">{r.assigneeName ?? "—"}</span>
              </TD>
              <TD className="hidden py-2 whitespace-nowrap sm:table-cell">
                {r.incidentId && r.incidentReference ? (
                  <Link
                    href={`/console/incidents/${r.incidentId}`}
                    className="font-mono text-xs font-medium text-primary hover:underline"
                  >
                    {r.incidentReference}
                  </Link>
                ) : (
                  <span className="text-muted-foreground">—</span>
                )}
              </TD>
            </TR>
          );
        })}
      </TBody>
    </Table>
  );
}
