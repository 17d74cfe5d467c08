"use client";

import { useQuery } from "@tanstack/react-query";
import { ChevronDown, CircleAlert, CircleOff, TriangleAlert } from "lucide-react";
import { useId, useState } from "react";
import { Button } from "@/app/_components/ui/button";
import Link from "@/app/_components/ui/link";
import { cn } from "@/app/_lib/cn";
import { useTRPC } from "@/app/_lib/trpc/client";
import { SensorBanner } from "./sensor-banner";
import { SlaBanner } from "./sla-banner";

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/**
 * The console's alert area, one row high: SLA clocks overdue or at risk (counted as the SLA page counts them) and
 * sensors gone silent or back, as counts that link to their pages, with a disclosure that opens the items themselves
 * (dismiss for me, resolve for all). Renders nothing when there is nothing to say, so content stays above the fold.
 */
export function ConsoleAlerts({ sla, sensors, canResolve }: { sla: boolean; sensors: boolean; canResolve: boolean }) {
  const trpc = useTRPC();
  const panel = useId();
  const [open, setOpen] = useState(false);
  const slaQ = useQuery({ ...trpc.sla.banner.queryOptions(), enabled: sla, refetchInterval: 30_000 });
  const sensorQ = useQuery({ ...trpc.coverage.banner.queryOptions(), enabled: sensors, refetchInterval: 30_000 });
  const slaItems = sla ? (slaQ.data?.total ?? 0) : 0;
  const sensorItems = sensors ? (sensorQ.data?.total ?? 0) : 0;
  const total = slaItems + sensorItems;
  if (total === 0) return null;
  const counts = slaQ.data?.counts ?? { overdue: 0, at_risk: 0 };
  const sensorCounts = sensorQ.data?.counts ?? { silent: 0, recovered: 0 };
  const urgent = counts.overdue > 0 || sensorCounts.silent > 0;

  return (
    <section
      aria-label="SOC alerts"
      className={cn(
        "mb-6 rounded-md border text-[13px]",
        urgent ? "border-destructive/40 bg-destructive/5" : "border-warning/40 bg-warning/5",
      )}
    >
      <div className="flex min-h-9 flex-wrap items-center gap-x-4 gap-y-1 py-1 pr-1 pl-3">
        {slaItems > 0 ? (
          <Link href="/console/sla#risk" className="inline-flex items-center gap-1.5 rounded-sm hover:underline">
            {counts.overdue > 0 ? (
              <CircleAlert aria-hidden="true" className="size-4 shrink-0 text-destructive" />
            ) : (
              <TriangleAlert aria-hidden="true" className="size-4 shrink-0 text-warning" />
            )}
            <span className="font-medium">SLA:</span> {counts.overdue} overdue, {counts.at_risk} at risk
          </Link>
        ) : null}
        {sensorItems > 0 ? (
          <Link href="/console/coverage" className="inline-flex items-center gap-1.5 rounded-sm hover:underline">
            <CircleOff
              aria-hidden="true"
              className={cn("size-4 shrink-0", sensorCounts.silent ? "text-destructive" : "")}
            />
            <span className="font-medium">Sensors:</span> {sensorCounts.silent} silent, {sensorCounts.recovered} back
          </Link>
        ) : null}
        <Button
          variant="ghost"
          size="sm"
          className="ml-auto h-7 gap-1 px-2 text-xs"
          aria-expanded={open}
          aria-controls={panel}
          onClick={() => setOpen((v) => !v)}
        >
          {open ? "Hide the items" : `Show ${plural(total, "item")}`}
          <ChevronDown aria-hidden="true" className={cn("size-3.5 transition-transform", open && "rotate-180")} />
        </Button>
      </div>
      <div id={panel} hidden={!open} className="grid gap-4 border-t border-border/60 p-2">
        {open ? (
          <>
            <SlaBanner enabled={sla} canResolve={canResolve} />
            <SensorBanner enabled={sensors} />
          </>
        ) : null}
      </div>
    </section>
  );
}
