"use client";

import { Tabs } from "radix-ui";
import { Card } from "@/app/_components/ui/card";
import { cn } from "@/app/_lib/cn";

const tab = cn(
  "-mb-px border-b-2 border-transparent px-3 py-2.5 text-sm font-medium text-muted-foreground transition-colors",
  "hover:text-foreground data-[state=active]:border-primary data-[state=active]:text-foreground",
);

/** The message as the recipient sees it (sandboxed: no scripts, no navigation) and as plain text. */
export function MessageBody({ html, text }: { html: string; text: string }) {
  return (
    <Card className="overflow-hidden">
      <Tabs.Root defaultValue="html">
        <Tabs.List aria-label="Message body" className="flex gap-1 border-b border-border px-3">
          <Tabs.Trigger value="html" className={tab}>
            Preview
          </Tabs.Trigger>
          <Tabs.Trigger value="text" className={tab}>
            Plain text
          </Tabs.Trigger>
        </Tabs.List>
        <Tabs.Content value="html" className="bg-white">
          <iframe
            sandbox=""
            srcDoc={html}
            title="E-mail preview"
            className="block h-[40rem] w-full border-0 bg-white"
          />
        </Tabs.Content>
        <Tabs.Content value="text">
          <pre className="max-h-[40rem] overflow-auto p-5 font-mono text-xs leading-relaxed whitespace-pre-wrap break-words">
            {text}
          </pre>
        </Tabs.Content>
      </Tabs.Root>
    </Card>
  );
}
