"use client";

import { TooltipProvider } from "@/app/_components/ui/tooltip";
import type { HeatColumn } from "@/server/visibility/heatmap";
import { percent } from "./bands";
import { HeatCell } from "./heat-cell";

/**
 * The ATT&CK heat map: one column per tactic (its mean visibility under the name), one cell per technique. Wide
 * content scrolls inside its own keyboard-focusable region, never the page.
 */
export function HeatMap({ columns, label }: { columns: HeatColumn[]; label: string }) {
  return (
    <TooltipProvider delayDuration={150}>
      <section
        aria-label={label}
        className="w-full overflow-x-auto rounded-md pb-2 [contain:inline-size] focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none"
      >
        <div className="grid w-max grid-cols-[repeat(14,8rem)] gap-1.5">
          {columns.map((col) => (
            <div key={col.tactic.id} className="grid min-w-0 content-start gap-1">
              <h3 className="grid min-h-14 min-w-0 content-start gap-0.5 border-b border-border pb-1 text-xs font-semibold">
                <span className="break-words hyphens-auto">{col.tactic.name}</span>
                <span className="font-normal text-muted-foreground tabular-nums">
                  {col.ratio === null ? "not observable" : `${percent(col.ratio)} visible`}
                </span>
              </h3>
              <ul className="grid gap-1">
                {col.cells.map((cell) => (
                  <li key={cell.id}>
                    <HeatCell cell={cell} />
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </div>
      </section>
    </TooltipProvider>
  );
}
