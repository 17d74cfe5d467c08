"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Alert } from "@/app/_components/ui/alert";
import { Button } from "@/app/_components/ui/button";
import { Checkbox } from "@/app/_components/ui/checkbox";
import { Dialog, DialogContent, DialogFooter } from "@/app/_components/ui/dialog";
import { Field } from "@/app/_components/ui/field";
import { Select } from "@/app/_components/ui/select";
import { useTRPC } from "@/app/_lib/trpc/client";
import { errorMessage } from "../_components/errors";
import { shortDate } from "./_lib/slots";
import { hm, span, zoneName } from "./_lib/time";
import type { RosterInfo, Shift } from "./shift-chip";

export type OverrideTarget = { shift: Shift; roster: RosterInfo };
type Kind = "replace" | "add" | "remove";

/** A SOC manager changes one shift instance: replace, add or remove someone; a new gap needs "allow gap". */
export function OverrideDialog({
  target,
  staff,
  zone,
  onClose,
}: {
  target: OverrideTarget;
  staff: { id: string; name: string }[];
  zone: string;
  onClose: () => void;
}) {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const { shift, roster } = target;
  const [kind, setKind] = useState<Kind>("replace");
  const [userId, setUserId] = useState(shift.people[0]?.id ?? "");
  const [replacementId, setReplacementId] = useState("");
  const [allowGap, setAllowGap] = useState(false);
  const save = useMutation(
    trpc.roster.override.mutationOptions({
      onSuccess: () => {
        qc.invalidateQueries({ queryKey: trpc.roster.pathKey() });
        onClose();
      },
    }),
  );
  const gapRefused = save.error && /allow gap/.test(errorMessage(save.error));
  const slot = roster.slots.find((s) => s.id === shift.slotId)?.name ?? shift.slotId;
  return (
    <Dialog open onOpenChange={(o) => (o ? null : onClose())}>
      <DialogContent
        title={`Change ${roster.teams.find((t) => t.id === shift.teamId)?.name ?? ""} · ${slot}`}
        description={`${roster.name}, ${shortDate(shift.date)} ${hm(shift.start, roster.timeZone)}–${hm(shift.end, roster.timeZone)} ${zoneName(roster.timeZone)}${roster.timeZone === zone ? "" : `; ${span(shift.start, shift.end, zone)} ${zoneName(zone)}`}.`}
      >
        <form
          className="grid gap-4"
          onSubmit={(e) => {
            e.preventDefault();
            save.mutate({
              teamId: shift.teamId,
              date: shift.date,
              slotId: shift.slotId,
              kind,
              userId: kind === "add" ? undefined : userId,
              replacementId: kind === "remove" ? undefined : replacementId,
              allowGap,
            });
          }}
        >
          <Field label="Change">
            <Select value={kind} onChange={(e) => setKind(e.target.value as Kind)}>
              <option value="replace">Replace someone</option>
              <option value="add">Add someone</option>
              <option value="remove">Remove someone</option>
            </Select>
          </Field>
          {kind !== "add" ? (
            <Field label="Who leaves">
              <Select value={userId} onChange={(e) => setUserId(e.target.value)}>
                {shift.people.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
              </Select>
            </Field>
          ) : null}
          {kind !== "remove" ? (
            <Field label="Who works it">
              <Select
                value={replacementId}
                onChange={(e) => setReplacementId(e.target.value)}
                placeholder="Pick an analyst"
              >
                {staff
                  .filter((s) => !shift.people.some((p) => p.id === s.id))
                  .map((s) => (
                    <option key={s.id} value={s.id}>
                      {s.name}
                    </option>
                  ))}
              </Select>
            </Field>
          ) : null}
          {save.error ? <Alert tone="danger">{errorMessage(save.error)}</Alert> : null}
          {gapRefused ? (
            <Checkbox
              label="Allow gap (recorded in the audit log)"
              checked={allowGap}
              onChange={(e) => setAllowGap(e.target.checked)}
            />
          ) : null}
          <DialogFooter>
            <Button type="button" variant="outline" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" disabled={save.isPending || (kind !== "remove" && !replacementId)}>
              {save.isPending ? "Saving…" : "Save change"}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
