import { Activity, CircleDashed, CircleOff, CirclePause, MapPin, TriangleAlert } from "lucide-react";
import { Badge, type BadgeTone } from "@/app/_components/ui/badge";
import { Card } from "@/app/_components/ui/card";
import { cn } from "@/app/_lib/cn";
import type { SensorState } from "@/server/coverage/health";
import { SectionHeader } from "../_components/section-header";
import type { RouterOutputs } from "../incidents/_components/labels";
import { When } from "../incidents/_components/when";
import { CLASS_NAMES, SENSOR_STATE_LABELS } from "./explain";

type Sensor = RouterOutputs["myCoverage"]["summary"]["sensors"][number];

const LOOK: Record<SensorState, { tone: BadgeTone; icon: typeof Activity }> = {
  healthy: { tone: "success", icon: Activity },
  degraded: { tone: "warning", icon: TriangleAlert },
  silent: { tone: "danger", icon: CircleOff },
  pending: { tone: "neutral", icon: CircleDashed },
  retired: { tone: "neutral", icon: CirclePause },
};

const pct = (r: number | null) =>
  r === null ? "No data yet" : `${(Math.floor(r * 1000) / 10).toLocaleString("en-GB")}% available (30 days)`;

/** Every sensor with its state, since when it is silent, and its availability over the last 30 days. */
export function SensorList({ sensors, timeZone }: { sensors: Sensor[]; timeZone: string }) {
  const sorted = [...sensors].sort((a, b) => Number(a.state === "retired") - Number(b.state === "retired"));
  return (
    <Card>
      <SectionHeader title="Your sensors" description="Each sensor sends a heartbeat; if it stops, we tell you." />
      <ul className="divide-y divide-border border-t border-border">
        {sorted.map((s) => {
          const l = LOOK[s.state];
          return (
            <li
              key={s.id}
              className={cn(
                "grid gap-2 px-5 py-3 sm:grid-cols-[minmax(0,1fr)_auto] sm:items-center sm:gap-6",
                s.state === "retired" && "opacity-70",
              )}
            >
              <div className="grid min-w-0 gap-0.5">
                <p className="text-sm font-medium break-words">{s.name}</p>
                <p className="text-xs break-words text-muted-foreground">
                  {s.product.toLowerCase().startsWith(s.vendor.toLowerCase()) ? s.product : `${s.vendor} ${s.product}`}
                  {" · "}
                  {s.classes.map((c) => CLASS_NAMES[c]).join(", ")}
                </p>
                {s.site ? (
                  <p className="flex items-center gap-1 text-xs text-muted-foreground">
                    <MapPin aria-hidden="true" className="size-3 shrink-0" />
                    <span className="break-words">{s.site}</span>
                  </p>
                ) : null}
              </div>
              <div className="flex flex-wrap items-center gap-x-3 gap-y-1 sm:flex-col sm:items-end sm:gap-1">
                <Badge tone={l.tone}>
                  <l.icon aria-hidden="true" />
                  {SENSOR_STATE_LABELS[s.state]}
                </Badge>
                <span className="text-xs text-muted-foreground">
                  {s.state === "silent" && s.silentSince ? (
                    <>
                      Silent since <When value={s.silentSince} timeZone={timeZone} />
                    </>
                  ) : s.lastSeen ? (
                    <>
                      Last seen <When value={s.lastSeen} timeZone={timeZone} mode="relative" />
                    </>
                  ) : (
                    "No data received yet"
                  )}
                </span>
                {s.state !== "retired" ? (
                  <span className="text-xs text-muted-foreground tabular-nums">{pct(s.availability30d)}</span>
                ) : null}
              </div>
            </li>
          );
        })}
      </ul>
    </Card>
  );
}
