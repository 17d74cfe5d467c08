import type { ComponentProps } from "react";
import { cn } from "@/app/_lib/cn";
import { TableScroll } from "./table-scroll";

export interface TableProps extends ComponentProps<"table"> {
  /** Draw a rounded border + card background around the scroll container (for tables not already in a Card). */
  framed?: boolean;
  /** Class for the horizontal scroll wrapper. */
  wrapperClassName?: string;
  /** What the table holds: names the scroll region when the table scrolls sideways. */
  label?: string;
}

/** Table inside a horizontal scroll container (TableScroll), so wide tables scroll instead of overflowing the page. */
export function Table({ framed = false, wrapperClassName, className, label, ...props }: TableProps) {
  return (
    <TableScroll
      label={label}
      className={cn(framed && "rounded-lg border border-border bg-card shadow-xs", wrapperClassName)}
    >
      <table className={cn("w-full caption-bottom border-collapse text-sm", className)} {...props} />
    </TableScroll>
  );
}

export function THead({ className, ...props }: ComponentProps<"thead">) {
  return <thead className={cn("bg-muted/50 [&_tr]:hover:bg-transparent", className)} {...props} />;
}

export function TBody({ className, ...props }: ComponentProps<"tbody">) {
  return <tbody className={cn("[&_tr:last-child]:border-0", className)} {...props} />;
}

export function TR({ className, ...props }: ComponentProps<"tr">) {
  return (
    <tr
      className={cn(
        "border-b border-border transition-colors hover:bg-muted/40 data-[state=selected]:bg-muted",
        className,
      )}
      {...props}
    />
  );
}

export function TH({ className, scope = "col", ...props }: ComponentProps<"th">) {
  return (
    <th
      scope={scope}
      className={cn(
        "h-9 px-3 text-left align-middle text-xs font-medium whitespace-nowrap text-muted-foreground",
        className,
      )}
      {...props}
    />
  );
}

export function TD({ className, ...props }: ComponentProps<"td">) {
  return <td className={cn("px-3 py-2.5 align-middle", className)} {...props} />;
}
