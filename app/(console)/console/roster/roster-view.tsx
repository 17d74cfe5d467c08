"use client";

import { ChevronLeft, ChevronRight } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { Button } from "@/app/_components/ui/button";
import { PageHeader } from "@/app/_components/ui/page-header";
import { addLocalDays, startOfLocalDay, startOfLocalWeek, viewerZone } from "./_lib/time";
import { ForecastSection } from "./forecast-section";
import { GapsSection } from "./gaps-section";
import { RequestsSection } from "./requests-section";
import { Timeline } from "./timeline";

/** The SOC manager's roster: timeline (week or month) with gaps, the gaps ahead, the forecast, and pending requests. */
export function RosterView({ canManage }: { canManage: boolean }) {
  const [mode, setMode] = useState<"week" | "month">("week");
  const [start, setStart] = useState(() => startOfLocalWeek(Date.now()));
  const days = mode === "week" ? 7 : 28;
  const from = mode === "week" ? startOfLocalWeek(start) : startOfLocalDay(start);
  const to = addLocalDays(from, days);
  return (
    <div className="grid gap-6">
      <PageHeader
        title="Roster"
        description={`Shifts, cover against what the contracts require, and gaps ahead. Times in your zone (${viewerZone()}).`}
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
        <Button
          size="icon-sm"
          variant="outline"
          aria-label="Earlier"
          onClick={() => setStart(addLocalDays(from, -days))}
        >
          <ChevronLeft aria-hidden />
        </Button>
        <Button size="sm" variant="outline" onClick={() => setStart(startOfLocalWeek(Date.now()))}>
          Today
        </Button>
        <Button size="icon-sm" variant="outline" aria-label="Later" onClick={() => setStart(addLocalDays(from, days))}>
          <ChevronRight aria-hidden />
        </Button>
        <span className="text-sm text-muted-foreground">
          {new Date(from).toLocaleDateString("en-GB", { day: "numeric", month: "short" })} –{" "}
          {new Date(to - 1).toLocaleDateString("en-GB", { day: "numeric", month: "short", year: "numeric" })}
        </span>
      </div>
      <Timeline from={from} to={to} days={days} canManage={canManage} />
      <GapsSection />
      <ForecastSection />
      {canManage ? <RequestsSection /> : null}
    </div>
  );
}
