import { ChevronDown } from "lucide-react";
import type { ComponentProps } from "react";
import { cn } from "@/app/_lib/cn";

export interface SelectProps extends ComponentProps<"select"> {
  /** Renders a first `<option value="">` with this text (e.g. "Any status"). */
  placeholder?: string;
  /** Class for the outer wrapper (width/layout); `className` goes on the <select>. */
  wrapperClassName?: string;
}

/** Styled native <select>. Pass <option>/<optgroup> children. */
export function Select({ className, wrapperClassName, placeholder, children, ...props }: SelectProps) {
  return (
    <div className={cn("relative w-full min-w-0", wrapperClassName)}>
      <select
        className={cn(
          "h-9 w-full min-w-0 appearance-none rounded-md border border-input bg-card py-1 pr-8 pl-3 text-sm",
          "text-foreground shadow-xs transition-colors focus-visible:border-ring focus-visible:outline-offset-0",
          "disabled:cursor-not-allowed disabled:opacity-50 aria-invalid:border-destructive",
          "aria-invalid:focus-visible:outline-destructive",
          className,
        )}
        {...props}
      >
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {children}
      </select>
      <ChevronDown
        aria-hidden="true"
        className="pointer-events-none absolute top-1/2 right-2.5 size-4 -translate-y-1/2 text-muted-foreground"
      />
    </div>
  );
}
