"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Alert } from "@/app/_components/ui/alert";
import { Button } from "@/app/_components/ui/button";
import { Dialog, DialogContent, DialogFooter } from "@/app/_components/ui/dialog";
import { Field } from "@/app/_components/ui/field";
import { Input } from "@/app/_components/ui/input";
import { Select } from "@/app/_components/ui/select";
import { useTRPC } from "@/app/_lib/trpc/client";
import { nextWeekday, PRESETS, type PresetId } from "@/server/roster/presets";
import { rosterInput, updateRosterInput } from "@/server/roster/schema";
import { describeError, type FieldErrors, validate } from "../../_components/errors";
import { GapConsent } from "../_lib/gap-consent";
import { fitCycle, type SlotDraft, slotIdFor, timeZones, todayIn } from "../_lib/slots";
import type { PlanRoster } from "./plan-view";
import { SlotsEditor } from "./slots-editor";

const FIELDS = ["name", "timeZone", "anchor", "cycleLength", "slots", "teams"] as const;

/** Create a roster (from a pattern preset or blank) or edit one; team cycles follow a new length or removed shifts. */
export function RosterDialog({ roster, onClose }: { roster: PlanRoster | null; onClose: () => void }) {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const [name, setName] = useState(roster?.name ?? "");
  const [timeZone, setTimeZone] = useState(roster?.timeZone ?? "Europe/Berlin");
  const [anchor, setAnchor] = useState(roster?.anchor ?? todayIn("Europe/Berlin"));
  const [length, setLength] = useState(String(roster?.cycleLength ?? 16));
  const [slots, setSlots] = useState<SlotDraft[]>(roster?.slots ?? PRESETS[0]!.slots);
  const [preset, setPreset] = useState<PresetId | "">(roster ? "" : "4on4off");
  const [allowGap, setAllowGap] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const done = {
    onSuccess: () => {
      qc.invalidateQueries({ queryKey: trpc.roster.pathKey() });
      onClose();
    },
  };
  const create = useMutation(trpc.roster.create.mutationOptions(done));
  const update = useMutation(trpc.roster.update.mutationOptions(done));
  const save = roster ? update : create;
  const server = save.error ? describeError(save.error, [...FIELDS]) : null;
  const shown = { ...server?.fields, ...errors };

  const pick = (id: PresetId | "") => {
    setPreset(id);
    const p = PRESETS.find((x) => x.id === id);
    if (!p) return;
    setSlots(p.slots);
    setLength(String(p.cycleLength));
    if (p.anchorWeekday) setAnchor(nextWeekday(anchor, p.anchorWeekday));
  };

  const submit = () => {
    const taken = new Set(slots.map((s) => s.id).filter(Boolean));
    const withIds = slots.map((s) => {
      if (s.id) return s;
      const id = slotIdFor(s.name, taken);
      taken.add(id);
      return { ...s, id };
    });
    const n = Number(length);
    const ids = new Set(withIds.map((s) => s.id));
    const base = { name, timeZone, anchor, cycleLength: length === "" ? Number.NaN : n, slots: withIds, allowGap };
    const parsed = roster
      ? validate(updateRosterInput, {
          ...base,
          id: roster.id,
          teams: roster.teams
            .map((t) => ({ id: t.id, cycle: fitCycle(t.cycle, n, ids) }))
            .filter((t, i) => t.cycle.join() !== roster.teams[i]!.cycle.join()),
        })
      : validate(rosterInput, {
          ...base,
          teams: (PRESETS.find((p) => p.id === preset)?.teams ?? []).map((t) => ({
            name: t.name,
            cycle: fitCycle(t.cycle, n, ids),
          })),
        });
    if (!parsed.ok) return setErrors(parsed.errors);
    setErrors({});
    // biome-ignore lint/suspicious/noExplicitAny: the parsed value matches the mutation in use
    save.mutate(parsed.data as any);
  };

  const reshaped = roster?.teams.some(
    (t) => t.cycle.length !== Number(length) || t.cycle.some((d) => d && !slots.some((s) => s.id === d)),
  );
  return (
    <Dialog open onOpenChange={(o) => (o ? null : onClose())}>
      <DialogContent
        size="lg"
        title={roster ? `Edit ${roster.name}` : "New roster"}
        description="Shift times are the roster's local wall-clock times; the cycle counts whole local days from the anchor."
      >
        <form
          noValidate
          className="grid items-start gap-4 sm:grid-cols-2"
          onSubmit={(e) => {
            e.preventDefault();
            submit();
          }}
        >
          <Field label="Name" error={shown.name} required className="sm:col-span-2">
            <Input
              value={name}
              maxLength={80}
              onChange={(e) => setName(e.target.value)}
              placeholder="e.g. Berlin SOC"
            />
          </Field>
          <Field label="Time zone" error={shown.timeZone} required>
            <Select value={timeZone} onChange={(e) => setTimeZone(e.target.value)}>
              {timeZones().map((z) => (
                <option key={z} value={z}>
                  {z}
                </option>
              ))}
            </Select>
          </Field>
          {roster ? null : (
            <Field label="Pattern" hint="Fills the shifts, cycle and teams; change anything before saving.">
              <Select value={preset} onChange={(e) => pick(e.target.value as PresetId | "")}>
                {PRESETS.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.label}
                  </option>
                ))}
                <option value="">Blank (add teams afterwards)</option>
              </Select>
            </Field>
          )}
          <Field label="Anchor date" error={shown.anchor} required hint="Day 1 of the cycle (local date).">
            <Input type="date" value={anchor} onChange={(e) => setAnchor(e.target.value)} />
          </Field>
          <Field label="Cycle length (days)" error={shown.cycleLength} required>
            <Input type="number" min={1} max={56} value={length} onChange={(e) => setLength(e.target.value)} />
          </Field>
          <div className="sm:col-span-2">
            <SlotsEditor slots={slots} timeZone={timeZone} onChange={setSlots} error={shown.slots} />
          </div>
          {reshaped ? (
            <Alert tone="warning" className="sm:col-span-2">
              The teams' cycles will be cut or extended to {length} days, with removed shifts turned into days off.
              Check each team afterwards.
            </Alert>
          ) : null}
          {shown.teams ? (
            <Alert tone="danger" className="sm:col-span-2">
              {shown.teams}
            </Alert>
          ) : null}
          {server?.message ? (
            <Alert tone="danger" className="sm:col-span-2">
              {server.message}
            </Alert>
          ) : null}
          <div className="sm:col-span-2">
            <GapConsent error={save.error} checked={allowGap} onChange={setAllowGap} />
          </div>
          <DialogFooter className="sm:col-span-2">
            <Button type="button" variant="outline" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" disabled={save.isPending}>
              {save.isPending ? "Saving…" : roster ? "Save roster" : "Create roster"}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
