import type { ComponentProps } from "react";
import { cn } from "@/app/_lib/cn";

export interface LabelProps extends ComponentProps<"label"> {
  /** Appends a visual "*" marker (hidden from assistive tech; set `required` on the control itself). */
  required?: boolean;
}

export function Label({ className, required, children, ...props }: LabelProps) {
  return (
    // biome-ignore lint/a11y/noLabelWithoutControl: association comes from the caller's htmlFor or nested control.
    <label
      className={cn("text-sm font-medium leading-none text-foreground peer-disabled:opacity-60", className)}
      {...props}
    >
      {children}
      {required ? (
        <span aria-hidden="true" className="ml-0.5 text-destructive">
          *
        </span>
      ) : null}
    </label>
  );
}
