import { cn } from "@/app/_lib/cn";
import { cycleDate, shortDate } from "../_lib/slots";

const TONES = [
  "bg-primary/15 text-primary border-primary/40",
  "bg-info/15 text-info border-info/40",
  "bg-warning/15 text-warning border-warning/50",
  "bg-success/15 text-success border-success/40",
];

/** A team's row of the cycle as small cells: the shift's initial, or a dot for a day off; full text in each label. */
export function CycleStrip({
  cycle,
  slots,
  anchor,
}: {
  cycle: (string | null)[];
  slots: { id: string; name: string }[];
  anchor: string;
}) {
  return (
    <ol className="flex min-w-0 flex-wrap gap-0.5" aria-label="Cycle, day by day from the anchor">
      {cycle.map((d, i) => {
        const k = slots.findIndex((s) => s.id === d);
        const slot = slots[k];
        const label = `Day ${i + 1} (${shortDate(cycleDate(anchor, i))}): ${slot ? slot.name : "off"}`;
        return (
          <li
            key={i}
            title={label}
            aria-label={label}
            className={cn(
              "grid size-6 place-items-center rounded-sm border text-[0.7rem] font-semibold",
              slot ? TONES[k % TONES.length] : "border-border text-muted-foreground",
            )}
          >
            {slot ? slot.name.slice(0, 1).toUpperCase() : "·"}
          </li>
        );
      })}
    </ol>
  );
}
