import { CircleAlert, type LucideIcon, RotateCw } from "lucide-react";
import type { ComponentProps, ReactNode } from "react";
import { cn } from "@/app/_lib/cn";
import { Button } from "./button";

export interface EmptyStateProps {
  /** A lucide icon component, e.g. `icon={Inbox}`. */
  icon?: LucideIcon;
  title: ReactNode;
  description?: ReactNode;
  /** Slot for a call to action (Button, Link…). */
  action?: ReactNode;
  className?: string;
}

export function EmptyState({ icon: Icon, title, description, action, className }: EmptyStateProps) {
  return (
    <div className={cn("flex flex-col items-center justify-center gap-3 px-6 py-12 text-center", className)}>
      {Icon ? (
        <div className="flex size-10 items-center justify-center rounded-full bg-muted text-muted-foreground">
          <Icon aria-hidden="true" className="size-5" />
        </div>
      ) : null}
      <div className="grid max-w-md gap-1">
        <p className="text-sm font-semibold text-foreground">{title}</p>
        {description ? <p className="text-sm text-muted-foreground">{description}</p> : null}
      </div>
      {action ? <div className="mt-1 flex flex-wrap items-center justify-center gap-2">{action}</div> : null}
    </div>
  );
}

export interface ErrorStateProps {
  title?: ReactNode;
  message?: ReactNode;
  /** Shows a "Try again" button. Functions can only be passed from client components (e.g. error.tsx's `reset`). */
  onRetry?: () => void;
  retryLabel?: string;
  className?: string;
}

/** Error panel with role="alert". Works in server and client trees; `onRetry` needs a client parent. */
export function ErrorState({
  title = "Something went wrong",
  message,
  onRetry,
  retryLabel = "Try again",
  className,
}: ErrorStateProps) {
  return (
    <div
      role="alert"
      className={cn("flex flex-col items-center justify-center gap-3 px-6 py-12 text-center", className)}
    >
      <div className="flex size-10 items-center justify-center rounded-full bg-destructive/10 text-destructive">
        <CircleAlert aria-hidden="true" className="size-5" />
      </div>
      <div className="grid max-w-md gap-1">
        <p className="text-sm font-semibold text-foreground">{title}</p>
        {message ? <p className="text-sm text-muted-foreground">{message}</p> : null}
      </div>
      {onRetry ? (
        <Button variant="outline" size="sm" onClick={onRetry} className="mt-1">
          <RotateCw aria-hidden="true" />
          {retryLabel}
        </Button>
      ) : null}
    </div>
  );
}

/** Pulsing placeholder block; size it with className (e.g. "h-4 w-32"). Hidden from assistive tech. */
export function Skeleton({ className, ...props }: ComponentProps<"div">) {
  return <div aria-hidden="true" className={cn("animate-pulse rounded-md bg-muted", className)} {...props} />;
}

export interface LoadingStateProps {
  /** Announced to screen readers. */
  label?: string;
  /** Number of skeleton rows. */
  rows?: number;
  className?: string;
}

/** Generic loading placeholder (skeleton rows) with a polite status announcement. */
export function LoadingState({ label = "Loading…", rows = 4, className }: LoadingStateProps) {
  return (
    <div role="status" aria-live="polite" className={cn("grid gap-3 py-4", className)}>
      <span className="sr-only">{label}</span>
      <Skeleton className="h-5 w-1/3" />
      {Array.from({ length: Math.max(0, rows) }, (_, i) => (
        <Skeleton key={i} className={cn("h-4", i % 3 === 2 ? "w-2/3" : i % 2 === 0 ? "w-full" : "w-5/6")} />
      ))}
    </div>
  );
}
