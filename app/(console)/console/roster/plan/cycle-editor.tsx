"use client";

import { cycleDate, shortDate } from "../_lib/slots";

/** A team's row of the cycle: one select per cycle day (a shift or off), labelled with that day's first date. */
export function CycleEditor({
  cycle,
  slots,
  anchor,
  onChange,
}: {
  cycle: (string | null)[];
  slots: { id: string; name: string }[];
  anchor: string;
  onChange: (cycle: (string | null)[]) => void;
}) {
  return (
    <fieldset className="m-0 min-w-0 border-0 p-0">
      <legend className="mb-1.5 text-sm font-medium">
        Cycle (day 1 is the anchor date; it repeats every {cycle.length} days)
      </legend>
      <ol className="grid grid-cols-[repeat(auto-fill,minmax(6.5rem,1fr))] items-end gap-1.5">
        {cycle.map((d, i) => {
          const date = shortDate(cycleDate(anchor, i));
          return (
            <li key={i} className="grid gap-0.5">
              <label htmlFor={`cycle-${i}`} className="text-xs text-muted-foreground">
                Day {i + 1} · {date}
              </label>
              <select
                id={`cycle-${i}`}
                value={d ?? ""}
                onChange={(e) => onChange(cycle.map((x, k) => (k === i ? e.target.value || null : x)))}
                className="h-8 w-full min-w-0 rounded-md border border-input bg-card px-1.5 text-sm text-foreground"
              >
                <option value="">Off</option>
                {slots.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name}
                  </option>
                ))}
              </select>
            </li>
          );
        })}
      </ol>
    </fieldset>
  );
}
