"use client";

import { Tooltip as T } from "radix-ui";
import type { ComponentProps, ReactNode } from "react";
import { cn } from "@/app/_lib/cn";

/** Wrap a region that holds tooltips once (shared open delay). */
export const TooltipProvider = T.Provider;

/**
 * A short hint on hover and keyboard focus. The trigger (a single focusable element, e.g. a Button) keeps its own
 * accessible name; the tooltip text is announced as its description.
 */
export function Tooltip({
  content,
  children,
  side = "top",
  className,
  ...props
}: {
  content: ReactNode;
  children: ReactNode;
  side?: ComponentProps<typeof T.Content>["side"];
  className?: string;
} & Omit<ComponentProps<typeof T.Root>, "children">) {
  return (
    <T.Root {...props}>
      <T.Trigger asChild>{children}</T.Trigger>
      <T.Portal>
        <T.Content
          side={side}
          sideOffset={4}
          collisionPadding={8}
          className={cn(
            "z-50 max-w-72 rounded-md border border-border bg-popover px-2.5 py-1.5 text-xs leading-5",
            "text-popover-foreground shadow-md data-[state=delayed-open]:animate-fade-in",
            className,
          )}
        >
          {content}
        </T.Content>
      </T.Portal>
    </T.Root>
  );
}
