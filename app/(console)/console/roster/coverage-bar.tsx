import { cn } from "@/app/_lib/cn";
import { HOUR, hm } from "./_lib/time";

type Hour = { start: Date; onDuty: number; required: number; gap: boolean };

/** One day as hourly cells (the console zone's hours): green when covered, red for a gap; each cell's numbers in its label. */
export function CoverageBar({ from, to, hours, zone }: { from: number; to: number; hours: Hour[]; zone: string }) {
  const cells: { at: number; hour: Hour | undefined }[] = [];
  for (let t = from; t < to; t += HOUR) {
    const hour = hours.find((h) => h.start.getTime() <= t && t < h.start.getTime() + HOUR);
    cells.push({ at: t, hour });
  }
  const gaps = cells.filter((c) => c.hour?.gap).length;
  return (
    <div
      role="img"
      aria-label={gaps ? `${gaps} hours with a gap` : "Covered all day"}
      className="flex h-4 w-full overflow-hidden rounded-sm border border-border"
    >
      {cells.map((c) => (
        <span
          key={c.at}
          title={
            c.hour
              ? `${hm(c.at, zone)} · ${c.hour.onDuty} on duty / ${c.hour.required} required${c.hour.gap ? " · gap" : ""}`
              : hm(c.at, zone)
          }
          className={cn(
            "h-full flex-1 border-r border-background/60 last:border-0",
            !c.hour
              ? "bg-muted"
              : c.hour.gap
                ? "bg-destructive"
                : c.hour.onDuty > c.hour.required
                  ? "bg-success/60"
                  : "bg-success/35",
          )}
        />
      ))}
    </div>
  );
}
