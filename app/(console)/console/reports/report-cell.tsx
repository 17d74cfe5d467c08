"use client";

import { ChevronDown, Download, Eye, Layers, RefreshCw } from "lucide-react";
import { useRef } from "react";
import { reportPdfUrl } from "@/app/_components/reports/links";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/app/_components/ui/dropdown-menu";
import { Tooltip } from "@/app/_components/ui/tooltip";
import { cn } from "@/app/_lib/cn";
import { formatMonth } from "@/lib/format";
import { DateTime } from "../_components/date-time";
import { describeCell, StatusChip } from "./report-chip";
import { isBusy, type MatrixCell, type MatrixCustomer } from "./report-labels";

export type CellAction = {
  kind: "preview" | "generate" | "versions";
  customer: MatrixCustomer;
  cell: MatrixCell;
  /** The cell's menu button, to take focus back when the dialog opened from its menu closes. */
  trigger: HTMLElement | null;
};

/** One customer-month: its status chip and, behind it, what can be done with that month's report. */
export function ReportCell({
  customer,
  cell,
  canGenerate,
  onAction,
}: {
  customer: MatrixCustomer;
  cell: MatrixCell;
  canGenerate: boolean;
  onAction: (action: CellAction) => void;
}) {
  const trigger = useRef<HTMLButtonElement>(null);
  const description = describeCell(customer, cell);
  if (cell.status === "not-ended" || cell.status === "before-service") {
    return (
      <Tooltip content={description}>
        {/* biome-ignore lint/a11y/noNoninteractiveTabindex: focusable so keyboard users get the same hint */}
        <span tabIndex={0} className="rounded-md text-xs text-muted-foreground">
          {cell.status === "not-ended" ? "Not ended" : "Before service"}
        </span>
      </Tooltip>
    );
  }
  const latest = cell.latest;
  const meta = latest ? (
    <span className="text-xs whitespace-nowrap text-muted-foreground tabular-nums">
      v{latest.version} · <DateTime value={latest.generatedAt} mode="date" />
    </span>
  ) : null;
  if (!latest && !canGenerate) {
    return (
      <Tooltip content={description}>
        {/* biome-ignore lint/a11y/noNoninteractiveTabindex: focusable so keyboard users get the same hint */}
        <span tabIndex={0} className="inline-flex rounded-md">
          <StatusChip cell={cell} />
        </span>
      </Tooltip>
    );
  }
  const act = (kind: CellAction["kind"]) => () => onAction({ kind, customer, cell, trigger: trigger.current });
  return (
    <DropdownMenu>
      <Tooltip content={description}>
        <DropdownMenuTrigger asChild>
          <button
            ref={trigger}
            type="button"
            className={cn(
              "-mx-1.5 grid justify-items-start gap-1 rounded-md px-1.5 py-1 text-left transition-colors",
              "hover:bg-muted data-[state=open]:bg-muted",
            )}
          >
            <span className="inline-flex items-center gap-1">
              <StatusChip cell={cell} />
              <ChevronDown aria-hidden="true" className="size-3.5 text-muted-foreground" />
            </span>
            {meta}
            <span className="sr-only">{` ${customer.name}, ${formatMonth(cell.month)}. Actions`}</span>
          </button>
        </DropdownMenuTrigger>
      </Tooltip>
      <DropdownMenuContent align="start" className="w-64">
        <DropdownMenuLabel className="grid gap-0.5">
          <span className="truncate text-foreground">{customer.name}</span>
          <span className="font-normal">{formatMonth(cell.month)}</span>
        </DropdownMenuLabel>
        {cell.status === "failed" ? (
          <p className="px-2 pb-1.5 text-xs break-words text-destructive">{cell.error ?? "Failed"}</p>
        ) : null}
        <DropdownMenuSeparator />
        {latest ? (
          <>
            <DropdownMenuItem onSelect={act("preview")}>
              <Eye aria-hidden="true" />
              Preview
            </DropdownMenuItem>
            <DropdownMenuItem asChild>
              <a href={reportPdfUrl(latest.id, true)} download>
                <Download aria-hidden="true" />
                Download
              </a>
            </DropdownMenuItem>
          </>
        ) : null}
        {canGenerate ? (
          <DropdownMenuItem onSelect={act("generate")} disabled={isBusy(cell.status)}>
            <RefreshCw aria-hidden="true" />
            {latest ? "Regenerate…" : "Generate…"}
          </DropdownMenuItem>
        ) : null}
        {latest ? (
          <DropdownMenuItem onSelect={act("versions")}>
            <Layers aria-hidden="true" />
            All versions…
          </DropdownMenuItem>
        ) : null}
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
