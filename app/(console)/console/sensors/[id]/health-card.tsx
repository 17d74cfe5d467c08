import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/app/_components/ui/card";
import { DateTime } from "../../_components/date-time";
import { HealthBadge } from "../health-badge";
import { formatCount, formatEps, HEALTH_HINTS, healthNoteTitle } from "../sensor-labels";
import { Facts, When } from "./facts";
import type { Sensor } from "./sensor-types";

export function HealthCard({ sensor: s }: { sensor: Sensor }) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>Health</CardTitle>
        <CardDescription>{HEALTH_HINTS[s.health]}</CardDescription>
      </CardHeader>
      <CardContent>
        <Facts
          rows={[
            { label: "Health", value: <HealthBadge health={s.health} /> },
            { label: "Last heartbeat", value: <When value={s.lastHeartbeatAt} /> },
            { label: "Last event", value: <When value={s.lastEventAt} /> },
            { label: "Agent version", value: s.agentVersion ?? "—" },
            { label: "Events per second", value: formatEps(s.eventsPerSecond) },
            { label: "Hosts", value: formatCount(s.hostCount) },
            {
              label: "Last health event",
              value: s.healthNote ? (
                <>
                  <span className="font-medium">{healthNoteTitle(s.healthNote)}</span>
                  {s.healthNote.includes(": ") ? (
                    <span className="block text-muted-foreground">
                      {s.healthNote.slice(s.healthNote.indexOf(": ") + 2)}
                    </span>
                  ) : null}
                  {s.healthNoteAt ? (
                    <span className="block text-xs text-muted-foreground">
                      <DateTime value={s.healthNoteAt} />
                    </span>
                  ) : null}
                </>
              ) : (
                "None"
              ),
            },
          ]}
        />
      </CardContent>
    </Card>
  );
}
