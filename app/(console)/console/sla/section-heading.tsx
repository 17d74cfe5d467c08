import type { ReactNode } from "react";
import { cn } from "@/app/_lib/cn";

/** A card's heading whose actions wrap under the title on narrow screens instead of squeezing it. */
export function SectionHeading({
  title,
  description,
  actions,
  className,
}: {
  title: ReactNode;
  description?: ReactNode;
  actions?: ReactNode;
  className?: string;
}) {
  return (
    <div className={cn("flex flex-wrap items-start justify-between gap-x-4 gap-y-3 px-5 pt-4 pb-3", className)}>
      <div className="grid min-w-0 flex-[1_1_20rem] gap-1">
        <h2 className="text-sm font-semibold leading-6 text-card-foreground">{title}</h2>
        {description ? <p className="max-w-3xl text-sm text-muted-foreground">{description}</p> : null}
      </div>
      {actions ? <div className="flex min-w-0 max-w-full flex-wrap items-center gap-2">{actions}</div> : null}
    </div>
  );
}
