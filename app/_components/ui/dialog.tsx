"use client";

import { X } from "lucide-react";
import { Dialog as D } from "radix-ui";
import type { ComponentProps, ReactNode } from "react";
import { cn } from "@/app/_lib/cn";

/** Root. Controlled with `open`/`onOpenChange` or uncontrolled with `defaultOpen`. */
export const Dialog = D.Root;
/** Use `asChild` to wrap a <Button>. */
export const DialogTrigger = D.Trigger;
/** Closes the dialog; use `asChild` to wrap a <Button> (e.g. "Cancel"). */
export const DialogClose = D.Close;

const sizes = {
  sm: "max-w-sm",
  md: "max-w-lg",
  lg: "max-w-2xl",
} as const;

export interface DialogContentProps extends Omit<ComponentProps<typeof D.Content>, "title"> {
  /** Rendered as the dialog's accessible title (h2). */
  title: ReactNode;
  /** Rendered as the accessible description under the title. */
  description?: ReactNode;
  size?: keyof typeof sizes;
  /** Hide the top-right close button (Escape still closes). */
  hideClose?: boolean;
}

export function DialogContent({
  title,
  description,
  size = "md",
  hideClose = false,
  className,
  children,
  ...props
}: DialogContentProps) {
  return (
    <D.Portal>
      <D.Overlay className="fixed inset-0 z-50 bg-slate-950/50 backdrop-blur-[1px] data-[state=open]:animate-fade-in" />
      <D.Content
        className={cn(
          "fixed top-1/2 left-1/2 z-50 grid max-h-[calc(100dvh-2rem)] w-[calc(100%-2rem)] -translate-x-1/2",
          "-translate-y-1/2 gap-4 overflow-y-auto rounded-lg border border-border bg-card p-6 text-card-foreground",
          "shadow-xl data-[state=open]:animate-dialog-in",
          sizes[size],
          className,
        )}
        {...(description ? {} : { "aria-describedby": undefined })}
        {...props}
      >
        <div className={cn("grid gap-1.5", !hideClose && "pr-8")}>
          <D.Title className="text-base font-semibold leading-6">{title}</D.Title>
          {description ? <D.Description className="text-sm text-muted-foreground">{description}</D.Description> : null}
        </div>
        {children}
        {hideClose ? null : (
          <D.Close
            aria-label="Close"
            className={cn(
              "absolute top-4 right-4 inline-flex size-8 items-center justify-center rounded-md text-muted-foreground",
              "transition-colors hover:bg-accent hover:text-accent-foreground",
            )}
          >
            <X aria-hidden="true" className="size-4" />
          </D.Close>
        )}
      </D.Content>
    </D.Portal>
  );
}

export function DialogFooter({ className, ...props }: ComponentProps<"div">) {
  return <div className={cn("flex flex-col-reverse gap-2 pt-2 sm:flex-row sm:justify-end", className)} {...props} />;
}
