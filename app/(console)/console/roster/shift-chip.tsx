import { ArrowLeftRight, Minus, Plus, TriangleAlert } from "lucide-react";
import { cn } from "@/app/_lib/cn";
import { hm, zoneName } from "./_lib/time";

export type Shift = {
  key: string;
  rosterId: string;
  teamId: string;
  slotId: string;
  date: string;
  start: Date;
  end: Date;
  people: { id: string; name: string; change: "time_off" | "swap" | "override" | null }[];
  removed: { id: string; name: string }[];
  /** SLA breaches attributed to this shift instance. */
  breaches: number;
};
export type RosterInfo = {
  id: string;
  name: string;
  timeZone: string;
  slots: { id: string; name: string }[];
  teams: { id: string; name: string }[];
};

const short = (name: string) => name.split(" ")[0];

/** One shift instance: roster, team, slot and times (console zone), who works it and what changed. */
export function ShiftChip({
  shift,
  roster,
  compact,
  zone,
  onSelect,
}: {
  shift: Shift;
  roster: RosterInfo;
  compact: boolean;
  zone: string;
  onSelect?: () => void;
}) {
  const slot = roster.slots.find((s) => s.id === shift.slotId)?.name ?? shift.slotId;
  const team = roster.teams.find((t) => t.id === shift.teamId)?.name ?? "";
  const working = shift.people.filter((p) => p.change !== "time_off");
  const changed = shift.people.some((p) => p.change) || shift.removed.length > 0;
  const label = [
    `${roster.name}, ${team}, ${slot} ${hm(shift.start, zone)}–${hm(shift.end, zone)} ${zoneName(zone)}` +
      (roster.timeZone === zone
        ? ""
        : ` (${hm(shift.start, roster.timeZone)}–${hm(shift.end, roster.timeZone)} ${zoneName(roster.timeZone)})`) +
      `: ${working.map((p) => p.name).join(", ") || "nobody"}`,
    ...shift.people.filter((p) => p.change === "time_off").map((p) => `${p.name} on time off`),
    ...shift.removed.map((p) => `${p.name} removed`),
    shift.breaches ? `${shift.breaches} SLA breach${shift.breaches === 1 ? "" : "es"}` : "",
  ]
    .filter(Boolean)
    .join("; ");
  const body = (
    <>
      <span className="font-medium">
        {team} · {slot}
      </span>{" "}
      <span className="text-muted-foreground tabular-nums">
        {hm(shift.start, zone)}–{hm(shift.end, zone)}
      </span>
      {shift.breaches ? (
        <span className="ml-1 inline-flex items-center gap-0.5 font-medium text-destructive">
          <TriangleAlert aria-hidden className="size-3" />
          {shift.breaches}
        </span>
      ) : null}
      {compact ? (
        <span className="ml-1 tabular-nums">({working.length})</span>
      ) : (
        <span className="block truncate">
          {shift.people.map((p, i) => (
            <span key={p.id} className={cn(p.change === "time_off" && "line-through text-muted-foreground")}>
              {i > 0 ? ", " : ""}
              {p.change === "swap" ? <ArrowLeftRight aria-label="swapped in" className="mr-0.5 inline size-3" /> : null}
              {p.change === "override" ? <Plus aria-label="added" className="mr-0.5 inline size-3" /> : null}
              {short(p.name)}
              {p.change === "time_off" ? " (off)" : ""}
            </span>
          ))}
          {shift.removed.map((p) => (
            <span key={p.id} className="text-muted-foreground line-through">
              {", "}
              <Minus aria-label="removed" className="mr-0.5 inline size-3" />
              {short(p.name)}
            </span>
          ))}
          {working.length === 0 ? <span className="text-destructive"> nobody</span> : null}
        </span>
      )}
    </>
  );
  const cls = cn(
    "max-w-full min-w-0 rounded-md border px-2 py-1 text-left text-xs",
    changed ? "border-warning/60 bg-warning/10" : "border-border bg-muted/40",
    shift.breaches > 0 && "ring-1 ring-destructive/60",
    working.length === 0 && "border-destructive/60 bg-destructive/10",
  );
  return onSelect ? (
    <button
      type="button"
      className={cn(cls, "hover:bg-accent focus-visible:outline-2")}
      title={label}
      data-shift={shift.key}
      onClick={onSelect}
    >
      {body}
    </button>
  ) : (
    <div className={cls} title={label} data-shift={shift.key}>
      {body}
    </div>
  );
}
