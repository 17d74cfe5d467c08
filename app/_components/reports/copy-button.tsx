"use client";

import { Check, Copy } from "lucide-react";
import { useEffect, useState } from "react";
import { Button } from "@/app/_components/ui/button";

/** Copies `value` to the clipboard and says so for a moment (visibly and to screen readers). */
export function CopyButton({
  value,
  label,
  text = "Copy",
  className,
}: {
  value: string;
  /** Accessible name, saying what is copied. */
  label: string;
  /** Visible text while idle. */
  text?: string;
  className?: string;
}) {
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  useEffect(() => {
    if (state === "idle") return;
    const timer = setTimeout(() => setState("idle"), 2000);
    return () => clearTimeout(timer);
  }, [state]);
  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setState("copied");
    } catch {
      setState("failed");
    }
  }
  return (
    <Button variant="ghost" size="sm" onClick={copy} className={className} aria-label={label}>
      {state === "copied" ? <Check aria-hidden="true" className="text-success" /> : <Copy aria-hidden="true" />}
      <span aria-live="polite">{state === "copied" ? "Copied" : state === "failed" ? "Select and copy" : text}</span>
    </Button>
  );
}
