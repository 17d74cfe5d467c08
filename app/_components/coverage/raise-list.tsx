import type { Raise } from "@/server/visibility/visibility";
import { CLASS_LABELS } from "./labels";

/** "What would raise visibility most": each missing class with the number of techniques whose band would rise. */
export function RaiseList({ raise, plain = false }: { raise: Raise[]; plain?: boolean }) {
  const useful = raise.filter((r) => r.techniques > 0);
  if (raise.length === 0) return <p className="text-sm text-muted-foreground">Every sensor class is reporting.</p>;
  if (useful.length === 0)
    return <p className="text-sm text-muted-foreground">No further sensor class would raise any technique's band.</p>;
  const max = Math.max(...useful.map((r) => r.techniques));
  return (
    <ol className="grid gap-2">
      {useful.map((r) => (
        <li key={r.sensorClass} className="grid gap-1 text-sm">
          <div className="flex flex-wrap items-baseline justify-between gap-x-3">
            <span className="font-medium">{CLASS_LABELS[r.sensorClass]}</span>
            <span className="text-muted-foreground tabular-nums">
              {plain ? `would improve ${r.techniques} techniques` : `+${r.techniques} techniques up a band`}
            </span>
          </div>
          <div aria-hidden="true" className="h-1.5 rounded-full bg-muted">
            <div className="h-1.5 rounded-full bg-primary" style={{ width: `${(r.techniques / max) * 100}%` }} />
          </div>
        </li>
      ))}
    </ol>
  );
}
