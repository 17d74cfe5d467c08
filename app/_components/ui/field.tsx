import { cloneElement, isValidElement, type ReactElement, type ReactNode, useId } from "react";
import { cn } from "@/app/_lib/cn";
import { Label } from "./label";

/** Props Field wires onto its control. */
export interface FieldControlProps {
  id: string;
  "aria-describedby"?: string;
  "aria-invalid"?: true;
  required?: boolean;
}

export interface FieldProps {
  label: ReactNode;
  /**
   * The control. Either a single element (Input, Textarea, Select, native input…), which receives `id`,
   * `aria-describedby`, `aria-invalid` and `required`, or a render function receiving those props.
   */
  children: ReactElement<Partial<FieldControlProps>> | ((control: FieldControlProps) => ReactNode);
  /** Control id; generated when omitted. */
  id?: string;
  hint?: ReactNode;
  /** Validation message; shown with role="alert" and marks the control aria-invalid. */
  error?: ReactNode;
  required?: boolean;
  className?: string;
}

export function Field({ label, children, id, hint, error, required, className }: FieldProps) {
  const autoId = useId();
  const controlId = id ?? autoId;
  const hintId = hint ? `${controlId}-hint` : undefined;
  const errorId = error ? `${controlId}-error` : undefined;

  const controlProps: FieldControlProps = {
    id: controlId,
    "aria-describedby": [hintId, errorId].filter(Boolean).join(" ") || undefined,
    "aria-invalid": error ? true : undefined,
    required: required || undefined,
  };

  let control: ReactNode;
  if (typeof children === "function") {
    control = children(controlProps);
  } else if (isValidElement(children)) {
    const own = children.props;
    control = cloneElement(children, {
      ...controlProps,
      id: own.id ?? controlId,
      "aria-describedby":
        [own["aria-describedby"], controlProps["aria-describedby"]].filter(Boolean).join(" ") || undefined,
      "aria-invalid": own["aria-invalid"] ?? controlProps["aria-invalid"],
      required: own.required ?? controlProps.required,
    });
  } else {
    control = children;
  }

  return (
    <div className={cn("grid gap-1.5", className)}>
      <Label htmlFor={controlId} required={required}>
        {label}
      </Label>
      {control}
      {hint ? (
        <p id={hintId} className="text-xs text-muted-foreground">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} role="alert" className="text-xs font-medium text-destructive">
          {error}
        </p>
      ) : null}
    </div>
  );
}
