"use client";

import { Plus, X } from "lucide-react";
import { Button } from "@/app/_components/ui/button";
import { Input } from "@/app/_components/ui/input";
import { WEEKDAY_LONG, WEEKDAYS, type Weekday } from "@/app/_lib/contract-terms";
import type { WindowDraft } from "./terms-draft";
import type { EditorProps } from "./terms-editor";
import { errorAt } from "./terms-validate";

const TIME_HINT = "HH:MM, 24-hour; 24:00 ends the day";

/** Covered windows per ISO weekday: add, edit (HH:MM) and remove; a day without windows is not covered. */
export function WeekdayWindows({ draft, errors, onChange }: EditorProps) {
  const setDay = (day: Weekday, windows: WindowDraft[]) =>
    onChange({ weekdays: { ...draft.weekdays, [day]: windows } });
  const general = errors["coverage.weekdays"];
  return (
    <fieldset className="grid gap-2">
      <legend className="mb-1 text-sm font-medium">Covered hours</legend>
      <p className="text-xs text-muted-foreground">{TIME_HINT}. A day may have several windows.</p>
      <ul className="grid divide-y divide-border rounded-lg border border-border">
        {WEEKDAYS.map((day) => {
          const windows = draft.weekdays[day];
          const error = errorAt(errors, `coverage.weekdays.${day}`);
          return (
            <li key={day} className="grid gap-2 px-3 py-2 sm:grid-cols-[7rem_minmax(0,1fr)] sm:items-start">
              <span className="pt-1.5 text-sm font-medium">{WEEKDAY_LONG[day]}</span>
              <div className="grid gap-2">
                <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
                  {windows.length === 0 ? <span className="text-sm text-muted-foreground">Not covered</span> : null}
                  {windows.map((w, i) => {
                    const name = `${WEEKDAY_LONG[day]}, window ${i + 1}`;
                    const update = (patch: Partial<WindowDraft>) =>
                      setDay(
                        day,
                        windows.map((x, j) => (j === i ? { ...x, ...patch } : x)),
                      );
                    return (
                      <span key={i} className="flex items-center gap-1.5">
                        <TimeInput
                          label={`${name}, start`}
                          value={w.start}
                          flagged={Boolean(error)}
                          onChange={(start) => update({ start })}
                        />
                        <span aria-hidden="true" className="text-muted-foreground">
                          –
                        </span>
                        <TimeInput
                          label={`${name}, end`}
                          value={w.end}
                          flagged={Boolean(error)}
                          onChange={(end) => update({ end })}
                        />
                        <Button
                          variant="ghost"
                          size="icon-sm"
                          aria-label={`Remove ${name}`}
                          onClick={() =>
                            setDay(
                              day,
                              windows.filter((_, j) => j !== i),
                            )
                          }
                        >
                          <X aria-hidden="true" />
                        </Button>
                      </span>
                    );
                  })}
                  {windows.length < 6 ? (
                    <Button
                      variant="ghost"
                      size="sm"
                      onClick={() => setDay(day, [...windows, nextWindow(windows)])}
                      aria-label={`Add hours on ${WEEKDAY_LONG[day]}`}
                    >
                      <Plus aria-hidden="true" />
                      Add hours
                    </Button>
                  ) : null}
                </div>
                {error ? (
                  <p role="alert" className="text-xs font-medium text-destructive">
                    {error}
                  </p>
                ) : null}
              </div>
            </li>
          );
        })}
      </ul>
      {general ? (
        <p role="alert" className="text-xs font-medium text-destructive">
          {general}
        </p>
      ) : null}
    </fieldset>
  );
}

/** 08:00–18:00 for an empty day; otherwise a window after the last one. */
function nextWindow(windows: WindowDraft[]): WindowDraft {
  if (windows.length === 0) return { start: "08:00", end: "18:00" };
  const last = windows[windows.length - 1]?.end ?? "18:00";
  return last < "23:00" ? { start: last, end: "24:00" } : { start: "00:00", end: "01:00" };
}

function TimeInput({
  label,
  value,
  flagged,
  onChange,
}: {
  label: string;
  value: string;
  /** The day has an error (e.g. a window that ends before it starts). */
  flagged: boolean;
  onChange: (v: string) => void;
}) {
  const invalid = flagged || !/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/.test(value);
  return (
    <Input
      aria-label={label}
      aria-invalid={invalid || undefined}
      value={value}
      placeholder="HH:MM"
      maxLength={5}
      inputMode="numeric"
      autoComplete="off"
      spellCheck={false}
      className="w-[4.75rem] text-center tabular-nums"
      onChange={(e) => onChange(e.target.value.replace(/[^\d:]/g, ""))}
    />
  );
}
