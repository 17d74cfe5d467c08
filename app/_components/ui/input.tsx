import type { ComponentProps } from "react";
import { cn } from "@/app/_lib/cn";

const controlBase =
  "w-full min-w-0 rounded-md border border-input bg-card px-3 text-sm text-foreground shadow-xs transition-colors " +
  "placeholder:text-muted-foreground focus-visible:border-ring focus-visible:outline-offset-0 " +
  "disabled:cursor-not-allowed disabled:opacity-50 read-only:bg-muted " +
  "aria-invalid:border-destructive aria-invalid:focus-visible:outline-destructive";

export function Input({ className, type = "text", ...props }: ComponentProps<"input">) {
  return (
    <input
      type={type}
      className={cn(
        controlBase,
        "h-9 py-1 file:mr-3 file:border-0 file:bg-transparent file:text-sm file:font-medium file:text-foreground",
        className,
      )}
      {...props}
    />
  );
}

export function Textarea({ className, rows = 4, ...props }: ComponentProps<"textarea">) {
  return (
    <textarea rows={rows} className={cn(controlBase, "min-h-20 resize-y py-2 leading-relaxed", className)} {...props} />
  );
}
