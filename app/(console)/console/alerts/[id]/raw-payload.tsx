"use client";

import { Check, ChevronRight, Copy } from "lucide-react";
import { useMemo, useState } from "react";
import { Button } from "@/app/_components/ui/button";
import { escapeBidi } from "@/app/_components/ui/safe-text";

/** The vendor payload as received: the evidence, pretty-printed, collapsed until asked for. */
export function RawPayload({ raw }: { raw: unknown }) {
  const text = useMemo(() => escapeBidi(JSON.stringify(raw, null, 2) ?? "null"), [raw]);
  const [copied, setCopied] = useState(false);
  const lines = text.split("\n").length;
  return (
    <details className="group rounded-lg border border-border bg-card shadow-xs">
      <summary className="flex cursor-pointer list-none items-center gap-2 rounded-lg px-5 py-3 text-sm font-semibold [&::-webkit-details-marker]:hidden">
        <ChevronRight
          aria-hidden="true"
          className="size-4 text-muted-foreground transition-transform group-open:rotate-90"
        />
        Raw payload
        <span className="font-normal text-muted-foreground">
          {lines.toLocaleString("en-GB")} lines, as the sensor sent it
        </span>
      </summary>
      <div className="grid gap-2 px-5 pb-5">
        <div className="flex justify-end">
          <Button
            size="sm"
            variant="outline"
            onClick={async () => {
              try {
                await navigator.clipboard.writeText(text);
                setCopied(true);
                setTimeout(() => setCopied(false), 2000);
              } catch {
                setCopied(false);
              }
            }}
          >
            {copied ? <Check aria-hidden="true" /> : <Copy aria-hidden="true" />}
            {copied ? "Copied" : "Copy JSON"}
          </Button>
        </div>
        <pre
          // biome-ignore lint/a11y/noNoninteractiveTabindex: the scrollable evidence must be reachable by keyboard.
          tabIndex={0}
          className="max-h-[32rem] overflow-auto rounded-md bg-muted p-3 font-mono text-xs leading-relaxed whitespace-pre"
        >
          {text}
        </pre>
      </div>
    </details>
  );
}
