import type { ComponentProps, ReactNode } from "react";
import { cn } from "@/app/_lib/cn";

export function Card({ className, ...props }: ComponentProps<"div">) {
  return (
    <div
      className={cn("min-w-0 rounded-lg border border-border bg-card text-card-foreground shadow-xs", className)}
      {...props}
    />
  );
}

export interface CardHeaderProps extends ComponentProps<"div"> {
  /** Right-aligned slot (buttons, menus) next to the title block. */
  actions?: ReactNode;
}

export function CardHeader({ className, actions, children, ...props }: CardHeaderProps) {
  return (
    <div className={cn("flex items-start justify-between gap-4 px-5 pt-4 pb-3", className)} {...props}>
      <div className="grid min-w-0 gap-1">{children}</div>
      {actions ? <div className="flex shrink-0 items-center gap-2">{actions}</div> : null}
    </div>
  );
}

export interface CardTitleProps extends ComponentProps<"h2"> {
  /** Heading level; default h2. */
  as?: "h2" | "h3" | "h4";
}

export function CardTitle({ as: Heading = "h2", className, ...props }: CardTitleProps) {
  return <Heading className={cn("text-sm font-semibold leading-6 text-card-foreground", className)} {...props} />;
}

export function CardDescription({ className, ...props }: ComponentProps<"p">) {
  return <p className={cn("text-sm text-muted-foreground", className)} {...props} />;
}

export function CardContent({ className, ...props }: ComponentProps<"div">) {
  return <div className={cn("px-5 pb-5", className)} {...props} />;
}

export function CardFooter({ className, ...props }: ComponentProps<"div">) {
  return (
    <div className={cn("flex items-center justify-end gap-2 border-t border-border px-5 py-3", className)} {...props} />
  );
}
