"use client";

import { Trash2 } from "lucide-react";
import { Button } from "@/app/_components/ui/button";
import { Input } from "@/app/_components/ui/input";
import type { SlotDraft } from "../_lib/slots";

/** The roster's shifts: name and local start–end (an end at or before the start is on the next day). */
export function SlotsEditor({
  slots,
  timeZone,
  onChange,
  error,
}: {
  slots: SlotDraft[];
  timeZone: string;
  onChange: (slots: SlotDraft[]) => void;
  error?: string;
}) {
  const set = (i: number, patch: Partial<SlotDraft>) =>
    onChange(slots.map((s, k) => (k === i ? { ...s, ...patch } : s)));
  return (
    <fieldset className="m-0 grid min-w-0 gap-2 border-0 p-0" aria-describedby={error ? "slots-error" : undefined}>
      <legend className="mb-1.5 text-sm font-medium">Shifts ({timeZone.replaceAll("_", " ")} wall-clock time)</legend>
      {slots.map((s, i) => (
        <div key={i} className="grid grid-cols-[1fr_1fr_auto] gap-2 sm:grid-cols-[1fr_9rem_9rem_auto]">
          <Input
            aria-label={`Shift ${i + 1} name`}
            value={s.name}
            maxLength={40}
            placeholder="e.g. Day"
            onChange={(e) => set(i, { name: e.target.value })}
            className="col-span-2 sm:col-span-1"
          />
          <Button
            type="button"
            size="icon"
            variant="ghost"
            aria-label={`Remove shift ${s.name || i + 1}`}
            disabled={slots.length === 1}
            onClick={() => onChange(slots.filter((_, k) => k !== i))}
            className="sm:order-last"
          >
            <Trash2 aria-hidden />
          </Button>
          <Input
            type="time"
            aria-label={`Shift ${i + 1} start`}
            value={s.start}
            onChange={(e) => set(i, { start: e.target.value })}
          />
          <Input
            type="time"
            aria-label={`Shift ${i + 1} end`}
            value={s.end}
            onChange={(e) => set(i, { end: e.target.value })}
          />
        </div>
      ))}
      <div className="flex flex-wrap items-center gap-3">
        <Button
          type="button"
          size="sm"
          variant="outline"
          disabled={slots.length >= 8}
          onClick={() => onChange([...slots, { id: "", name: "", start: "08:00", end: "16:00" }])}
        >
          Add shift
        </Button>
        <span className="text-xs text-muted-foreground">An end at or before the start ends on the next day.</span>
      </div>
      {error ? (
        <p id="slots-error" role="alert" className="text-xs font-medium text-destructive">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
