"use client";

import { Tooltip, TooltipProvider } from "@/app/_components/ui/tooltip";
import { cn } from "@/app/_lib/cn";
import type { Tactic } from "@/server/attack/attack";
import type { ProviderCell } from "@/server/visibility/heatmap";
import { BAND_CLASSES } from "./bands";

/** Provider-wide: each technique with how many customers see it; coloured by the share of customers. */
export function ProviderHeatMap({ columns }: { columns: { tactic: Tactic; cells: ProviderCell[] }[] }) {
  return (
    <TooltipProvider delayDuration={150}>
      <section
        aria-label="Techniques by the number of customers that see them"
        className="w-full overflow-x-auto rounded-md pb-2 [contain:inline-size] focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none"
      >
        <div className="grid w-max grid-cols-[repeat(14,8rem)] gap-1.5">
          {columns.map((col) => (
            <div key={col.tactic.id} className="grid min-w-0 content-start gap-1">
              <h3 className="min-h-10 min-w-0 border-b border-border pb-1 text-xs font-semibold">
                <span className="break-words hyphens-auto">{col.tactic.name}</span>
              </h3>
              <ul className="grid gap-1">
                {col.cells.map((c) => {
                  const text = c.band === null ? "not observable" : `${c.seeing} of ${c.of}`;
                  return (
                    <li key={c.id}>
                      <Tooltip
                        content={`${c.id} ${c.name}: ${c.band === null ? "not observable by sensors" : `${c.seeing} of ${c.of} customers see it`}`}
                        side="right"
                      >
                        <button
                          type="button"
                          className={cn(
                            "relative grid w-full gap-0.5 rounded-md border px-1.5 py-1 text-left text-[11px] leading-tight",
                            "focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring",
                            BAND_CLASSES[c.band ?? "na"],
                          )}
                        >
                          <span className="font-mono font-semibold">{c.id}</span>{" "}
                          <span className="line-clamp-1">{c.name}</span>
                          <span className="sr-only">: </span>
                          <span className="tabular-nums">{text}</span>
                          <span className="sr-only"> customers</span>
                        </button>
                      </Tooltip>
                    </li>
                  );
                })}
              </ul>
            </div>
          ))}
        </div>
      </section>
    </TooltipProvider>
  );
}
