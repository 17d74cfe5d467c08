import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/app/_components/ui/card";
import { CodeBlock, curlExamples, useOrigin } from "../api-key-dialog";
import { SOURCE_FORMAT_LABELS } from "../sensor-labels";
import type { Sensor } from "./sensor-types";

export function ConnectCard({ sensor: s }: { sensor: Sensor }) {
  const examples = curlExamples(useOrigin(), s.sourceFormat, "$WATCHKEEPER_KEY");
  return (
    <Card>
      <CardHeader>
        <CardTitle>Connect</CardTitle>
        <CardDescription>
          The sensor posts {SOURCE_FORMAT_LABELS[s.sourceFormat]} alerts and heartbeats with its key as a bearer token.
          Set <code className="font-mono text-xs">WATCHKEEPER_KEY</code> to the key before running these.
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        <CodeBlock
          label="Send alerts: one JSON object, a JSON array or NDJSON (up to 5,000 per batch)"
          code={examples.alert}
        />
        <CodeBlock
          label="Send a heartbeat (every few minutes; silent after 15 without one)"
          code={examples.heartbeat}
        />
      </CardContent>
    </Card>
  );
}
