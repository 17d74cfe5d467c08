import { ArrowRight } from "lucide-react";
import { cn } from "@/app/_lib/cn";
import type { Change } from "./terms-diff";

/** "Acknowledge (critical): 15 min → 10 min", one per line. */
export function ChangesList({ changes, className }: { changes: readonly Change[]; className?: string }) {
  return (
    <ul className={cn("grid gap-1 text-sm", className)}>
      {changes.map((c, i) => (
        <li key={i} className="min-w-0 break-words">
          <span className="font-medium">{c.label}:</span>{" "}
          {"text" in c ? (
            c.text
          ) : (
            <>
              <span className="text-muted-foreground line-through decoration-muted-foreground/50">{c.from}</span>
              <ArrowRight
                role="img"
                aria-label="changed to"
                className="mx-1 inline size-3.5 align-[-2px] text-muted-foreground"
              />
              <span>{c.to}</span>
            </>
          )}
        </li>
      ))}
    </ul>
  );
}
