"use client";

import { Plus, X } from "lucide-react";
import { useId, useState } from "react";
import { Button } from "@/app/_components/ui/button";
import { Input } from "@/app/_components/ui/input";
import { formatPlainDate } from "@/app/_lib/contract-terms";
import type { EditorProps } from "./terms-editor";
import { errorAt } from "./terms-validate";

/** Local dates on which nothing counts: pick a date and add it; remove any from the list. */
export function HolidaysEditor({ draft, errors, onChange }: EditorProps) {
  const id = useId();
  const [date, setDate] = useState("");
  const error = errorAt(errors, "coverage.holidays");

  function add() {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return;
    onChange({ holidays: [...new Set([...draft.holidays, date])].sort() });
    setDate("");
  }

  return (
    <fieldset className="grid gap-2">
      <legend className="mb-1 text-sm font-medium">Holidays</legend>
      <div className="flex flex-wrap items-center gap-2">
        <label htmlFor={id} className="sr-only">
          Holiday date
        </label>
        <Input
          id={id}
          type="date"
          value={date}
          className="w-44"
          onChange={(e) => setDate(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === "Enter") {
              e.preventDefault();
              add();
            }
          }}
        />
        <Button variant="outline" size="sm" onClick={add} disabled={!date}>
          <Plus aria-hidden="true" />
          Add holiday
        </Button>
      </div>
      {draft.holidays.length === 0 ? (
        <p className="text-xs text-muted-foreground">No holidays: every listed weekday counts.</p>
      ) : (
        <ul className="flex flex-wrap gap-1.5" aria-label="Holidays">
          {draft.holidays.map((h) => (
            <li
              key={h}
              className="inline-flex items-center gap-1 rounded-md border border-border bg-muted py-0.5 pr-0.5 pl-2 text-xs tabular-nums"
            >
              <time dateTime={h}>{formatPlainDate(h)}</time>
              <button
                type="button"
                aria-label={`Remove holiday ${formatPlainDate(h)}`}
                onClick={() => onChange({ holidays: draft.holidays.filter((x) => x !== h) })}
                className="inline-flex size-5 items-center justify-center rounded-sm text-muted-foreground hover:bg-accent hover:text-foreground"
              >
                <X aria-hidden="true" className="size-3" />
              </button>
            </li>
          ))}
        </ul>
      )}
      {error ? (
        <p role="alert" className="text-xs font-medium text-destructive">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
