import type { ReactNode } from "react";
import { cn } from "@/app/_lib/cn";

export interface AuthCardProps {
  title: ReactNode;
  description?: ReactNode;
  children?: ReactNode;
  /** Small print under the card body (links such as "Back to sign in"). */
  footer?: ReactNode;
  className?: string;
}

/** The card every auth page sits in; the page's one h1 is its title. */
export function AuthCard({ title, description, children, footer, className }: AuthCardProps) {
  return (
    <div
      className={cn(
        "w-full max-w-md min-w-0 rounded-xl border border-border bg-card text-card-foreground shadow-sm",
        className,
      )}
    >
      <div className="grid gap-1.5 px-6 pt-6 pb-4 sm:px-8 sm:pt-8">
        <h1 className="text-lg font-semibold tracking-tight text-foreground">{title}</h1>
        {description ? <div className="text-sm text-muted-foreground">{description}</div> : null}
      </div>
      {children ? <div className="px-6 pb-6 sm:px-8 sm:pb-8">{children}</div> : null}
      {footer ? (
        <div className="border-t border-border px-6 py-4 text-sm text-muted-foreground sm:px-8">{footer}</div>
      ) : null}
    </div>
  );
}

/** A plain text link in the auth pages' style. */
export const authLinkClass =
  "font-medium text-primary underline-offset-4 hover:underline focus-visible:underline rounded-sm";
