import { Badge } from "@/app/_components/ui/badge";
import { cn } from "@/app/_lib/cn";
import { DRIVER_LABELS, DRIVERS, type Driver, WEIGHTS } from "@/server/posture/score";

export const BAND_LABELS = { good: "Good", fair: "Fair", poor: "Poor" } as const;
export const BAND_TONES = { good: "success", fair: "warning", poor: "danger" } as const;
type Band = keyof typeof BAND_LABELS;

const NO_DATA: Record<string, string> = {
  coverage: "No contracted monitoring class: the coverage figure counts as 0.",
  edr: "No known assets yet: visibility is 50 × the coverage figure.",
  sensorHealth: "No sensor has an availability for the period: sensor health counts as 0.",
};

const bar = (v: number) => (v >= 80 ? "bg-success" : v >= 60 ? "bg-warning" : "bg-destructive");

/** The posture score, its band and its five drivers (each 0–100 with its weight). Data in props only. */
export function ScoreCard({
  score,
  band,
  drivers,
  noData,
  caption,
}: {
  score: number;
  band: Band;
  drivers: Record<Driver, number>;
  noData: string[];
  caption: string;
}) {
  return (
    <div className="grid gap-6 md:grid-cols-[12rem_1fr]">
      <div className="grid content-start gap-2">
        <p className="text-sm text-muted-foreground">{caption}</p>
        <p className="flex items-baseline gap-2">
          <span className="text-5xl font-semibold tabular-nums">{score}</span>
          <span className="text-sm text-muted-foreground">/ 100</span>
        </p>
        <div>
          <Badge tone={BAND_TONES[band]}>{BAND_LABELS[band]}</Badge>
        </div>
      </div>
      <div className="grid gap-3">
        <ul className="grid gap-2.5" aria-label="Score drivers">
          {DRIVERS.map((d) => (
            <li key={d} className="grid grid-cols-[minmax(0,10.5rem)_1fr_3rem] items-center gap-3 text-sm">
              <span className="min-w-0 truncate">
                {DRIVER_LABELS[d]} <span className="text-xs text-muted-foreground">{WEIGHTS[d]} %</span>
              </span>
              <span className="h-2 overflow-hidden rounded-full bg-muted" aria-hidden="true">
                <span className={cn("block h-full", bar(drivers[d]))} style={{ width: `${drivers[d]}%` }} />
              </span>
              <span className="text-right tabular-nums">{Math.floor(drivers[d])}</span>
            </li>
          ))}
        </ul>
        {noData.length ? (
          <ul className="grid gap-1 text-xs text-muted-foreground">
            {noData.map((n) => (
              <li key={n}>{NO_DATA[n] ?? n}</li>
            ))}
          </ul>
        ) : null}
      </div>
    </div>
  );
}
