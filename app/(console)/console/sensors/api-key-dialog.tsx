"use client";

import { KeyRound } from "lucide-react";
import { useSyncExternalStore } from "react";
import { Alert } from "@/app/_components/ui/alert";
import { Button } from "@/app/_components/ui/button";
import { Dialog, DialogContent, DialogFooter } from "@/app/_components/ui/dialog";
import Link from "@/app/_components/ui/link";
import { CopyButton } from "@/app/(auth)/_components/copy-button";
import { SOURCE_FORMAT_LABELS, type SourceFormat } from "./sensor-labels";

export type IssuedKey = {
  apiKey: string;
  sensorName: string;
  sourceFormat: SourceFormat;
  reason: "created" | "rotated";
  /** Where the sensor's page is, offered after a creation. */
  href?: string;
};

const noop = () => () => {};
/** This app's origin in the browser; a placeholder while rendering on the server. */
export function useOrigin() {
  return useSyncExternalStore(
    noop,
    () => window.location.origin,
    () => "https://watchkeeper.example",
  );
}

/** The intake commands for a sensor, as a sensor operator would paste them into a shell. */
export function curlExamples(origin: string, format: SourceFormat, key: string) {
  const alert = [
    `curl -sS -X POST '${origin}/api/ingest/${format}' \\`,
    `  -H "Authorization: Bearer ${key}" \\`,
    "  -H 'Content-Type: application/json' \\",
    // The repository ships a sample for CrowdStrike; other sources send their own alert file.
    `  --data-binary @${format === "crowdstrike" ? "docs/samples/crowdstrike-alert.json" : "alert.json"}`,
  ].join("\n");
  const heartbeat = [
    `curl -sS -X POST '${origin}/api/ingest/heartbeat' \\`,
    `  -H "Authorization: Bearer ${key}" \\`,
    "  -H 'Content-Type: application/json' \\",
    `  -d '{"version":"1.0.0","eventsPerSecond":25,"hostCount":100}'`,
  ].join("\n");
  return { alert, heartbeat };
}

export function CodeBlock({ label, code }: { label: string; code: string }) {
  return (
    <div className="grid min-w-0 gap-1.5">
      <div className="flex items-center justify-between gap-2">
        <p className="text-xs font-medium text-muted-foreground">{label}</p>
        <CopyButton text={code} label="Copy" aria-label={`Copy: ${label}`} />
      </div>
      <pre className="max-w-full overflow-x-auto rounded-md border border-border bg-muted/60 p-3 font-mono text-xs leading-relaxed break-all whitespace-pre-wrap">
        <code>{code}</code>
      </pre>
    </div>
  );
}

/**
 * Shows a freshly issued API key exactly once, with the commands to use it. Closing it drops the key: the server
 * keeps only a hash, so the caller must also forget it (reset the mutation).
 */
export function ApiKeyDialog({ issued, onClose }: { issued: IssuedKey | null; onClose: () => void }) {
  const origin = useOrigin();
  const examples = issued ? curlExamples(origin, issued.sourceFormat, issued.apiKey) : null;
  return (
    <Dialog open={issued !== null} onOpenChange={(open) => (open ? undefined : onClose())}>
      {issued && examples ? (
        <DialogContent
          size="lg"
          title={issued.reason === "created" ? `“${issued.sensorName}” is ready to connect` : "New API key issued"}
          description={
            issued.reason === "created"
              ? "Give this key to whoever configures the sensor. It authenticates every alert and heartbeat it sends."
              : `The previous key of “${issued.sensorName}” no longer works. Put this one into the sensor's configuration.`
          }
          onInteractOutside={(e) => e.preventDefault()}
        >
          <Alert tone="warning" title="Copy the key now: you won't see it again">
            Watchkeeper stores only a hash of it. If it gets lost, rotate the key and configure the new one.
          </Alert>
          <div className="grid min-w-0 gap-1.5">
            <div className="flex items-center justify-between gap-2">
              <p className="inline-flex items-center gap-1.5 text-sm font-medium">
                <KeyRound aria-hidden="true" className="size-4 text-muted-foreground" />
                API key
              </p>
              <CopyButton text={issued.apiKey} label="Copy key" variant="primary" />
            </div>
            <input
              readOnly
              aria-label="API key"
              value={issued.apiKey}
              onFocus={(e) => e.currentTarget.select()}
              className="h-10 w-full min-w-0 rounded-md border border-input bg-muted px-3 font-mono text-sm text-foreground"
            />
          </div>
          <CodeBlock
            label={`Send alerts (${SOURCE_FORMAT_LABELS[issued.sourceFormat]}): one JSON object, a JSON array or NDJSON`}
            code={examples.alert}
          />
          <CodeBlock label="Send a heartbeat (try this first: the sensor turns healthy)" code={examples.heartbeat} />
          <p className="text-xs text-muted-foreground">
            A sensor that sends neither a heartbeat nor an event for 15 minutes shows as silent. Batches may hold up to
            5,000 alerts (16 MiB); a 2xx answer means the alert is stored, and resending is safe.
          </p>
          <DialogFooter>
            {issued.href ? (
              <Button asChild variant="outline">
                <Link href={issued.href} onClick={onClose}>
                  Open the sensor
                </Link>
              </Button>
            ) : null}
            <Button onClick={onClose}>I have stored the key</Button>
          </DialogFooter>
        </DialogContent>
      ) : null}
    </Dialog>
  );
}
