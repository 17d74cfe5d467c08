"use client";

import { Activity, CircleDashed, CircleOff, CirclePause, TriangleAlert } from "lucide-react";
import { Badge } from "@/app/_components/ui/badge";
import { cn } from "@/app/_lib/cn";
import type { SensorState as SensorHealth } from "@/server/coverage/health";
import { DateTime } from "../_components/date-time";
import { HEALTH_HINTS, HEALTH_LABELS, healthNoteTitle } from "./sensor-labels";

/** The sensor's health as a coloured badge: green healthy, amber degraded, red silent, grey never seen, muted retired. */
export function HealthBadge({ health, className }: { health: SensorHealth; className?: string }) {
  const label = HEALTH_LABELS[health];
  const title = HEALTH_HINTS[health];
  switch (health) {
    case "healthy":
      return (
        <Badge tone="success" title={title} className={className}>
          <Activity aria-hidden="true" />
          {label}
        </Badge>
      );
    case "degraded":
      return (
        <Badge tone="warning" title={title} className={className}>
          <TriangleAlert aria-hidden="true" />
          {label}
        </Badge>
      );
    case "silent":
      return (
        <Badge tone="danger" title={title} className={className}>
          <CircleOff aria-hidden="true" />
          {label}
        </Badge>
      );
    case "pending":
      return (
        <Badge tone="neutral" title={title} className={className}>
          <CircleDashed aria-hidden="true" />
          {label}
        </Badge>
      );
    case "retired":
      return (
        <Badge
          tone="neutral"
          title={title}
          className={cn("border-dashed bg-transparent text-muted-foreground/80", className)}
        >
          <CirclePause aria-hidden="true" />
          {label}
        </Badge>
      );
  }
}

/** The badge plus the one fact that explains it: since when a sensor is silent, or what degraded it. */
export function HealthCell({
  health,
  silentSince,
  healthNote,
}: {
  health: SensorHealth;
  silentSince: Date | string | null;
  healthNote: string | null;
}) {
  return (
    <div className="grid justify-items-start gap-1">
      <HealthBadge health={health} />
      {health === "silent" && silentSince ? (
        <span className="max-w-36 text-xs text-muted-foreground">
          silent since <DateTime value={silentSince} className="whitespace-nowrap" />
        </span>
      ) : null}
      {health === "degraded" && healthNote ? (
        <span className="max-w-48 text-xs break-words text-muted-foreground" title={healthNote}>
          {healthNoteTitle(healthNote)}
        </span>
      ) : null}
    </div>
  );
}
