"use client";

import { useQuery } from "@tanstack/react-query";
import { Activity, CircleDashed, CircleOff, CirclePause, MapPin, Radar, TriangleAlert } from "lucide-react";
import type { ReactNode } from "react";
import { Alert } from "@/app/_components/ui/alert";
import { Badge } from "@/app/_components/ui/badge";
import { Card } from "@/app/_components/ui/card";
import { EmptyState, ErrorState, LoadingState } from "@/app/_components/ui/states";
import { cn } from "@/app/_lib/cn";
import { useTRPC } from "@/app/_lib/trpc/client";
import { SENSOR_CLASSES } from "@/db/schema/sensors";
import type { SensorState as SensorHealth } from "@/server/coverage/health";
import { SENSOR_CLASS_LABELS } from "@/server/sensors/schema";
import { SectionHeader } from "../_components/section-header";
import { trpcErrorInfo } from "../_lib/labels";
import type { RouterOutputs } from "../incidents/_components/labels";
import { When } from "../incidents/_components/when";

type Sensor = RouterOutputs["mySensors"]["list"][number];

const CLASS_DESCRIPTIONS: Record<(typeof SENSOR_CLASSES)[number], string> = {
  edr: "Endpoint protection agents on your computers and servers.",
  ndr: "Sensors that watch your network traffic.",
  xdr: "Security platforms that forward their detections.",
  siem: "Log sources collected through your SIEM.",
  cloud: "Your cloud platforms and accounts.",
  identity: "Sign-ins and identity systems.",
  email: "E-mail security.",
};

const HEALTH: Record<SensorHealth, { label: string; icon: typeof Activity; badge: string }> = {
  healthy: { label: "Reporting", icon: Activity, badge: "border-success/30 bg-success/10 text-success" },
  degraded: {
    label: "Reporting with problems",
    icon: TriangleAlert,
    badge: "border-warning/30 bg-warning/10 text-warning",
  },
  silent: {
    label: "Not reporting",
    icon: CircleOff,
    badge: "border-destructive/30 bg-destructive/10 text-destructive",
  },
  pending: { label: "Not connected yet", icon: CircleDashed, badge: "border-border bg-muted text-muted-foreground" },
  retired: {
    label: "Retired",
    icon: CirclePause,
    badge: "border-dashed border-border bg-transparent text-muted-foreground",
  },
};

const HEALTH_HINTS: Record<SensorHealth, string> = {
  healthy: "Data arrived in the last 15 minutes.",
  degraded: "Data is arriving, but the sensor reported a problem (such as lost traffic) in the last hour.",
  silent: "Nothing has arrived from this sensor for more than 15 minutes.",
  pending: "The sensor is registered but has not sent anything yet.",
  retired: "No longer in use.",
};

function HealthBadge({ health }: { health: SensorHealth }) {
  const h = HEALTH[health];
  return (
    <Badge className={h.badge} title={HEALTH_HINTS[health]}>
      <h.icon aria-hidden="true" />
      {h.label}
    </Badge>
  );
}

const lastSeen = (s: Sensor) => {
  const t = Math.max(s.lastHeartbeatAt?.getTime() ?? 0, s.lastEventAt?.getTime() ?? 0);
  return t ? new Date(t) : null;
};

export function SensorsOverview({ timeZone, providerName }: { timeZone: string; providerName: string }) {
  const trpc = useTRPC();
  const sensors = useQuery(trpc.mySensors.list.queryOptions());

  if (sensors.isPending) return <LoadingState label="Loading sensors…" />;
  if (sensors.isError) {
    return (
      <Card>
        <ErrorState
          title="Could not load your sensors"
          message={trpcErrorInfo(sensors.error).message}
          onRetry={() => void sensors.refetch()}
        />
      </Card>
    );
  }
  const all = sensors.data;
  if (all.length === 0) {
    return (
      <Card>
        <EmptyState
          icon={Radar}
          title="No sensors connected yet"
          description={`${providerName} connects your security tools (endpoint agents, network sensors, log sources) to its monitoring. Once they are connected, they are listed here with whether each one is reporting.`}
        />
      </Card>
    );
  }

  const active = all.filter((s) => s.status !== "retired");
  const count = (h: SensorHealth) => active.filter((s) => s.health === h).length;
  const silent = active.filter((s) => s.health === "silent");
  const groups = SENSOR_CLASSES.map((cls) => ({
    cls,
    rows: all
      .filter((s) => s.sensorClass === cls)
      .sort((a, b) => Number(a.status === "retired") - Number(b.status === "retired")),
  })).filter((g) => g.rows.length > 0);

  const parts = [
    count("healthy") && `${count("healthy")} reporting`,
    count("degraded") && `${count("degraded")} reporting with problems`,
    count("silent") && `${count("silent")} not reporting`,
    count("pending") && `${count("pending")} not connected yet`,
  ].filter(Boolean);

  return (
    <div className="grid gap-6">
      <div className="grid gap-3">
        <p className="text-sm text-muted-foreground" aria-live="polite">
          {active.length === 0
            ? "All of your sensors are retired."
            : `${active.length} active sensor${active.length === 1 ? "" : "s"}: ${parts.join(", ")}.`}
          {all.length > active.length ? ` ${all.length - active.length} retired.` : ""}
        </p>
        {silent.length > 0 ? (
          <Alert
            tone="warning"
            title={`${silent.length === 1 ? "One sensor has" : `${silent.length} sensors have`} stopped reporting`}
          >
            Without data from {silent.length === 1 ? "it" : "them"}, threats on those systems may go unseen.{" "}
            {providerName} sees this too. If you have moved, switched off or replaced{" "}
            {silent.length === 1 ? "that system" : "those systems"}, let them know.
          </Alert>
        ) : null}
      </div>
      {groups.map((g) => (
        <Card key={g.cls}>
          <SectionHeader
            title={
              <>
                {SENSOR_CLASS_LABELS[g.cls]}{" "}
                <span className="font-normal text-muted-foreground">({g.rows.length})</span>
              </>
            }
            description={CLASS_DESCRIPTIONS[g.cls]}
          />
          <ul className="divide-y divide-border border-t border-border">
            {g.rows.map((s) => (
              <SensorRow key={s.id} sensor={s} timeZone={timeZone} />
            ))}
          </ul>
        </Card>
      ))}
    </div>
  );
}

function SensorRow({ sensor: s, timeZone }: { sensor: Sensor; timeZone: string }) {
  const seen = lastSeen(s);
  const facts: ReactNode[] = [];
  if (s.site) {
    facts.push(
      <span key="site" className="inline-flex min-w-0 items-center gap-1">
        <MapPin aria-hidden="true" className="size-3 shrink-0" />
        <span className="break-words">{s.site}</span>
      </span>,
    );
  }
  if (s.hostCount && s.status !== "retired") {
    facts.push(<span key="hosts">{`${s.hostCount.toLocaleString("en-GB")} host${s.hostCount === 1 ? "" : "s"}`}</span>);
  }
  return (
    <li
      className={cn(
        "grid gap-2 px-5 py-3 sm:grid-cols-[minmax(0,1fr)_auto] sm:items-center sm:gap-6",
        s.status === "retired" && "opacity-70",
      )}
    >
      <div className="grid min-w-0 gap-0.5">
        <p className="text-sm font-medium break-words">{s.name}</p>
        <p className="text-xs break-words text-muted-foreground">
          {s.product.toLowerCase().startsWith(s.vendor.toLowerCase()) ? s.product : `${s.vendor} ${s.product}`}
        </p>
        {facts.length ? (
          <p className="flex flex-wrap items-center gap-x-3 gap-y-0.5 text-xs text-muted-foreground">{facts}</p>
        ) : null}
      </div>
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1 sm:flex-col sm:items-end sm:gap-1">
        <HealthBadge health={s.health} />
        <span className="text-xs text-muted-foreground">
          {seen ? (
            <>
              Last seen <When value={seen} timeZone={timeZone} mode="relative" />
            </>
          ) : s.status === "retired" ? (
            "Never reported"
          ) : (
            "No data received yet"
          )}
        </span>
      </div>
    </li>
  );
}
