import { type ComponentProps, type ReactNode, useId } from "react";
import { cn } from "@/app/_lib/cn";

export interface CheckboxProps extends Omit<ComponentProps<"input">, "type"> {
  /** Visible label. Without it, pass `aria-label`. */
  label?: ReactNode;
  /** Secondary text under the label, linked via aria-describedby. */
  description?: ReactNode;
  /** Class for the outer wrapper; `className` goes on the <input>. */
  wrapperClassName?: string;
}

/** Styled native checkbox with optional label and description. */
export function Checkbox({ label, description, className, wrapperClassName, id, ...props }: CheckboxProps) {
  const autoId = useId();
  const inputId = id ?? autoId;
  const descriptionId = description ? `${inputId}-description` : undefined;
  const describedBy = [props["aria-describedby"], descriptionId].filter(Boolean).join(" ") || undefined;

  const input = (
    <input
      type="checkbox"
      id={inputId}
      className={cn(
        "peer mt-0.5 size-4 shrink-0 rounded border-input accent-primary disabled:cursor-not-allowed",
        "disabled:opacity-50",
        className,
      )}
      {...props}
      aria-describedby={describedBy}
    />
  );

  if (!label && !description) return input;

  return (
    <div className={cn("flex items-start gap-2", wrapperClassName)}>
      {input}
      {/* No dimming of the text when disabled: it must keep its contrast (the box itself shows the state). */}
      <div className="grid gap-0.5">
        {label ? (
          <label htmlFor={inputId} className="text-sm leading-5 font-medium text-foreground">
            {label}
          </label>
        ) : null}
        {description ? (
          <p id={descriptionId} className="text-xs text-muted-foreground">
            {description}
          </p>
        ) : null}
      </div>
    </div>
  );
}
