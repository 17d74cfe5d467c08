import { TriangleAlert } from "lucide-react";
import { cn } from "@/app/_lib/cn";

/** "18 / 20": deployed against licensed; highlighted when more is deployed than licensed. */
export function Usage({ deployed, licensed, noun }: { deployed: number; licensed: number | null; noun: string }) {
  const over = licensed !== null && deployed > licensed;
  return (
    <span
      className={cn(
        "inline-flex items-center gap-1 tabular-nums whitespace-nowrap",
        over && "font-semibold text-warning",
      )}
      title={
        licensed === null
          ? `${deployed} ${noun} deployed; no licence`
          : `${deployed} ${noun} deployed, ${licensed} licensed${over ? ` — ${deployed - licensed} over licence` : ""}`
      }
    >
      {over ? <TriangleAlert aria-hidden="true" className="size-3.5" /> : null}
      {deployed}
      <span className={cn("font-normal", over ? "text-warning" : "text-muted-foreground")}>
        {" / "}
        {licensed ?? "—"} {noun}
      </span>
      {over ? <span className="sr-only">(over licence)</span> : null}
    </span>
  );
}
