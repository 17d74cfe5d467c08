"use client";

import { ChevronLeft, ChevronRight } from "lucide-react";
import { useState } from "react";
import { Button } from "@/app/_components/ui/button";
import Link from "@/app/_components/ui/link";
import { PageHeader } from "@/app/_components/ui/page-header";
import { LoadingState } from "@/app/_components/ui/states";
import { addDays, dayLabel, startOfWeek, useRosterZone, zoneName } from "./_lib/time";
import { ForecastSection } from "./forecast-section";
import { GapsSection } from "./gaps-section";
import { RequestsSection } from "./requests-section";
import { Timeline } from "./timeline";

/** The SOC manager's roster: timeline (week or month) with gaps, the gaps ahead, the forecast, and pending requests. */
export function RosterView({ canManage }: { canManage: boolean }) {
  const zone = useRosterZone();
  const [mode, setMode] = useState<"week" | "month">("week");
  // Weeks from this one; the days themselves are the console zone's, so changing the zone redraws them.
  const [offset, setOffset] = useState(0);
  const header = (
    <PageHeader
      title="Roster"
      description={`Shifts, cover against what the contracts require, and gaps ahead. Times in ${zone ? zoneName(zone) : "your time zone"} (the zone chosen in the header); each roster's own zone is named.`}
      actions={
        <>
          <Button asChild variant="outline">
            <Link href="/console/roster/me">My shifts</Link>
          </Button>
          <Button asChild variant="outline">
            <Link href="/console/roster/staff">Staff profiles</Link>
          </Button>
          <Button asChild variant={canManage ? "primary" : "outline"}>
            <Link href="/console/roster/plan">{canManage ? "Plan rosters" : "Rosters and teams"}</Link>
          </Button>
        </>
      }
    />
  );
  if (!zone)
    return (
      <div className="grid gap-6">
        {header}
        <LoadingState label="Loading the roster…" rows={5} />
      </div>
    );
  const days = mode === "week" ? 7 : 28;
  const from = addDays(startOfWeek(Date.now(), zone), offset * 7, zone);
  const to = addDays(from, days, zone);
  return (
    <div className="grid gap-6">
      {header}
      <div className="flex flex-wrap items-center gap-2">
        <fieldset aria-label="Timeline span" className="m-0 inline-flex min-w-0 rounded-md border border-border p-0.5">
          {(["week", "month"] as const).map((m) => (
            <Button
              key={m}
              size="sm"
              variant={mode === m ? "secondary" : "ghost"}
              aria-pressed={mode === m}
              onClick={() => setMode(m)}
            >
              {m === "week" ? "Week" : "4 weeks"}
            </Button>
          ))}
        </fieldset>
        <Button size="icon-sm" variant="outline" aria-label="Earlier" onClick={() => setOffset(offset - days / 7)}>
          <ChevronLeft aria-hidden />
        </Button>
        <Button size="sm" variant="outline" onClick={() => setOffset(0)}>
          Today
        </Button>
        <Button size="icon-sm" variant="outline" aria-label="Later" onClick={() => setOffset(offset + days / 7)}>
          <ChevronRight aria-hidden />
        </Button>
        <span className="text-sm text-muted-foreground" aria-live="polite">
          {dayLabel(from, zone)} – {dayLabel(to - 1, zone)} · {zoneName(zone)}
        </span>
      </div>
      <Timeline from={from} to={to} days={days} zone={zone} canManage={canManage} />
      <GapsSection zone={zone} />
      <ForecastSection zone={zone} />
      {canManage ? <RequestsSection zone={zone} /> : null}
    </div>
  );
}
