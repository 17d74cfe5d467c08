import { Pencil, Plus } from "lucide-react";
import { Badge } from "@/app/_components/ui/badge";
import { Button } from "@/app/_components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/app/_components/ui/card";
import { shortDate, todayIn } from "../_lib/slots";
import { hm, slotInstants, useRosterZone, zoneName } from "../_lib/time";
import { CycleStrip } from "./cycle-strip";
import type { PlanRoster, PlanTeam } from "./plan-view";

/** One roster: zone, anchor, cycle and shifts, then each team's row of the cycle and its members. */
export function RosterCard({
  roster,
  canManage,
  onEdit,
  onEditTeam,
}: {
  roster: PlanRoster;
  canManage: boolean;
  onEdit: () => void;
  onEditTeam: (team: PlanTeam | null) => void;
}) {
  const zone = useRosterZone();
  const today = todayIn(roster.timeZone);
  // Shifts are wall-clock times of the roster's zone; today's equivalent in the console's zone is shown beside them.
  const yours = (s: { start: string; end: string }) => {
    if (!zone || zone === roster.timeZone) return "";
    const [a, b] = slotInstants(today, s.start, s.end, roster.timeZone);
    return ` = ${hm(a, zone)}–${hm(b, zone)} ${zoneName(zone)}`;
  };
  return (
    <Card>
      <CardHeader className="flex flex-row flex-wrap items-start justify-between gap-3">
        <div className="grid min-w-0 gap-1">
          <CardTitle>{roster.name}</CardTitle>
          <CardDescription>
            {zoneName(roster.timeZone)} · {roster.cycleLength}-day cycle from {shortDate(roster.anchor)}{" "}
            {roster.anchor.slice(0, 4)}
          </CardDescription>
          <p className="text-xs text-muted-foreground">
            Shifts in {zoneName(roster.timeZone)} wall-clock time
            {zone && zone !== roster.timeZone ? `, with today's times in ${zoneName(zone)}` : ""}.
          </p>
          <ul className="flex flex-wrap gap-1.5" aria-label={`Shifts (${zoneName(roster.timeZone)} time)`}>
            {roster.slots.map((s) => (
              <li key={s.id}>
                <Badge tone="neutral">
                  {s.name} {s.start}–{s.end}
                  {s.end <= s.start ? " (+1 day)" : ""}
                  <span className="font-normal text-muted-foreground">{yours(s)}</span>
                </Badge>
              </li>
            ))}
          </ul>
        </div>
        {canManage ? (
          <div className="flex flex-wrap gap-2">
            <Button size="sm" variant="outline" onClick={onEdit}>
              <Pencil aria-hidden /> Edit roster
            </Button>
            <Button size="sm" variant="outline" onClick={() => onEditTeam(null)}>
              <Plus aria-hidden /> Add team
            </Button>
          </div>
        ) : null}
      </CardHeader>
      <CardContent className="grid gap-3">
        {roster.teams.length === 0 ? (
          <p className="text-sm text-muted-foreground">No teams yet: add one and give it its row of the cycle.</p>
        ) : (
          roster.teams.map((t) => (
            <section
              key={t.id}
              aria-label={`Team ${t.name}`}
              className="grid gap-2 rounded-md border border-border p-3 md:grid-cols-[12rem_1fr_auto] md:items-start"
            >
              <div className="min-w-0">
                <h3 className="text-sm font-medium">{t.name}</h3>
                <p className="text-xs text-muted-foreground">
                  {t.members.length ? t.members.map((m) => m.name).join(", ") : "No members"}
                </p>
              </div>
              <CycleStrip cycle={t.cycle} slots={roster.slots} anchor={roster.anchor} />
              {canManage ? (
                <Button size="sm" variant="ghost" className="justify-self-start" onClick={() => onEditTeam(t)}>
                  <Pencil aria-hidden /> Edit<span className="sr-only"> team {t.name}</span>
                </Button>
              ) : null}
            </section>
          ))
        )}
      </CardContent>
    </Card>
  );
}
