import { Crosshair } from "lucide-react";
import { cn } from "@/app/_lib/cn";
import { BAND_CLASSES, BAND_HINTS, BAND_LABELS } from "./bands";

const ORDER = ["high", "partial", "low", "none", "na"] as const;

/** The text alternative of the colours: each band with its name and meaning, and the detection mark. */
export function BandLegend() {
  return (
    <ul aria-label="Legend" className="flex flex-wrap gap-x-4 gap-y-2 text-xs text-muted-foreground">
      {ORDER.map((b) => (
        <li key={b} className="flex items-center gap-1.5" title={BAND_HINTS[b]}>
          <span aria-hidden="true" className={cn("inline-block size-3.5 rounded-sm border", BAND_CLASSES[b])} />
          <span>{BAND_LABELS[b]}</span>
        </li>
      ))}
      <li className="flex items-center gap-1.5">
        <Crosshair aria-hidden="true" className="size-3.5 text-foreground" />
        <span>Detected in the last 90 days</span>
      </li>
    </ul>
  );
}
