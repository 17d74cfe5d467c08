import { CircleCheck, CircleDashed, CircleOff, CirclePlus, CircleX, TriangleAlert } from "lucide-react";
import { cn } from "@/app/_lib/cn";
import type { CellState } from "@/server/coverage/matrix";

export const CELL_LABELS: Record<CellState, string> = {
  ok: "OK",
  degraded: "Degraded",
  silent: "Silent",
  missing: "Missing",
  extra: "Not contracted",
  none: "—",
};

export const CELL_HINTS: Record<CellState, string> = {
  ok: "Contracted, and at least one sensor is healthy.",
  degraded: "Contracted; sensors report but none is healthy (capture loss, health flag or unsupported version).",
  silent: "Contracted; every sensor is silent or has never reported.",
  missing: "Contracted, but no sensor of this class is connected.",
  extra: "A sensor of this class is connected but the class is not in the contract.",
  none: "Neither contracted nor connected.",
};

const STYLE: Record<CellState, { icon: typeof CircleCheck; className: string }> = {
  ok: { icon: CircleCheck, className: "border-success/30 bg-success/10 text-success" },
  degraded: { icon: TriangleAlert, className: "border-warning/40 bg-warning/10 text-warning" },
  silent: { icon: CircleOff, className: "border-destructive/40 bg-destructive/10 text-destructive" },
  missing: { icon: CircleX, className: "border-destructive/40 border-dashed bg-transparent text-destructive" },
  extra: { icon: CirclePlus, className: "border-border bg-muted text-muted-foreground" },
  none: { icon: CircleDashed, className: "border-transparent bg-transparent text-muted-foreground" },
};

/** A cell's state as an icon and a word (never colour alone). */
export function CellStateLabel({ state, className }: { state: CellState; className?: string }) {
  const { icon: Icon, className: tone } = STYLE[state];
  return (
    <span
      className={cn(
        "inline-flex min-h-7 items-center gap-1 rounded-md border px-1.5 text-xs font-medium whitespace-nowrap",
        tone,
        className,
      )}
    >
      {state === "none" ? null : <Icon aria-hidden="true" className="size-3.5 shrink-0" />}
      {CELL_LABELS[state]}
    </span>
  );
}
