"use client";

import { Table, TBody, TD, TH, THead, TR } from "@/app/_components/ui/table";
import { TooltipProvider } from "@/app/_components/ui/tooltip";
import { formatMonth } from "@/lib/format";
import { type CellAction, ReportCell } from "./report-cell";
import type { MatrixCustomer } from "./report-labels";

/** Customers down, months across (newest first); scrolls sideways inside its card on narrow screens. */
export function ReportMatrixTable({
  months,
  customers,
  canGenerate,
  onAction,
}: {
  months: string[];
  customers: MatrixCustomer[];
  canGenerate: boolean;
  onAction: (action: CellAction) => void;
}) {
  return (
    <TooltipProvider delayDuration={300}>
      <Table className="min-w-[56rem]">
        <caption className="sr-only">Monthly report status per customer and month</caption>
        <THead className="bg-muted">
          <TR>
            <TH className="sticky left-0 z-10 w-36 min-w-36 bg-muted pl-4 shadow-[1px_0_0_var(--color-border)] sm:w-48 sm:pl-5">
              Customer
            </TH>
            {months.map((m) => (
              <TH key={m} className="min-w-30">
                {formatMonth(m, "short")}
              </TH>
            ))}
          </TR>
        </THead>
        <TBody>
          {customers.map((c) => (
            <TR key={c.id} className="hover:bg-transparent">
              <TH
                scope="row"
                className="sticky left-0 z-10 h-auto max-w-36 bg-card py-2.5 pl-4 font-normal whitespace-normal shadow-[1px_0_0_var(--color-border)] sm:max-w-48 sm:pl-5"
              >
                <span className="line-clamp-2 text-sm font-medium break-words text-foreground" title={c.name}>
                  {c.name}
                </span>
                <span className="block truncate text-xs text-muted-foreground">{c.timezone.replaceAll("_", " ")}</span>
              </TH>
              {c.cells.map((cell) => (
                <TD key={cell.month} className="py-2 align-top">
                  <ReportCell customer={c} cell={cell} canGenerate={canGenerate} onAction={onAction} />
                </TD>
              ))}
            </TR>
          ))}
        </TBody>
      </Table>
    </TooltipProvider>
  );
}
