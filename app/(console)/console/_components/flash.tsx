"use client";

import { CircleAlert, CircleCheck, X } from "lucide-react";
import { useCallback, useEffect, useState } from "react";
import Link from "@/app/_components/ui/link";
import { cn } from "@/app/_lib/cn";

export type Flash = { tone: "success" | "danger"; message: string; href?: string; linkLabel?: string };

/** A short confirmation after an action; it fades after a few seconds unless it reports a failure. */
export function useFlash() {
  const [flash, setFlash] = useState<(Flash & { key: number }) | null>(null);
  const show = useCallback((f: Flash) => setFlash({ ...f, key: Date.now() }), []);
  const dismiss = useCallback(() => setFlash(null), []);
  useEffect(() => {
    if (!flash || flash.tone === "danger") return;
    const timer = setTimeout(() => setFlash(null), 6000);
    return () => clearTimeout(timer);
  }, [flash]);
  return { flash, show, dismiss };
}

/** The live region that shows the flash; render it once per page. */
export function FlashMessage({ flash, onDismiss }: { flash: Flash | null; onDismiss: () => void }) {
  const Icon = flash?.tone === "danger" ? CircleAlert : CircleCheck;
  return (
    <div
      role="status"
      aria-live="polite"
      className="pointer-events-none fixed inset-x-0 bottom-4 z-40 flex justify-center px-4"
    >
      {flash ? (
        <div
          className={cn(
            "pointer-events-auto flex max-w-lg items-center gap-3 rounded-lg border bg-popover py-2 pr-2 pl-3 text-sm",
            "text-popover-foreground shadow-lg data-[state=open]:animate-fade-in",
            flash.tone === "danger" ? "border-destructive/40" : "border-success/40",
          )}
          data-state="open"
        >
          <Icon
            aria-hidden="true"
            className={cn("size-4 shrink-0", flash.tone === "danger" ? "text-destructive" : "text-success")}
          />
          <span className="min-w-0">
            {flash.message}
            {flash.href ? (
              <>
                {" "}
                <Link href={flash.href} className="font-medium text-primary underline-offset-2 hover:underline">
                  {flash.linkLabel ?? "Open"}
                </Link>
              </>
            ) : null}
          </span>
          <button
            type="button"
            onClick={onDismiss}
            aria-label="Dismiss"
            className="inline-flex size-7 shrink-0 items-center justify-center rounded-md text-muted-foreground hover:bg-accent"
          >
            <X aria-hidden="true" className="size-4" />
          </button>
        </div>
      ) : null}
    </div>
  );
}
