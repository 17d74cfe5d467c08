"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Alert } from "@/app/_components/ui/alert";
import { Button } from "@/app/_components/ui/button";
import { Dialog, DialogContent, DialogFooter } from "@/app/_components/ui/dialog";
import { Field } from "@/app/_components/ui/field";
import { Input } from "@/app/_components/ui/input";
import { useTRPC } from "@/app/_lib/trpc/client";
import { teamInput } from "@/server/roster/schema";
import { describeError, type FieldErrors, validate } from "../../_components/errors";
import { GapConsent } from "../_lib/gap-consent";
import { CycleEditor } from "./cycle-editor";
import { MembersPicker } from "./members-picker";
import type { PlanRoster, PlanTeam } from "./plan-view";

/** Add or edit a team: its name, its row of the cycle and its members; or remove it. Gaps need "allow gap". */
export function TeamDialog({
  roster,
  team,
  onClose,
}: {
  roster: PlanRoster;
  team: PlanTeam | null;
  onClose: () => void;
}) {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const staff = useQuery(trpc.roster.profiles.queryOptions());
  const [name, setName] = useState(team?.name ?? "");
  const [cycle, setCycle] = useState<(string | null)[]>(team?.cycle ?? Array(roster.cycleLength).fill(null));
  const [members, setMembers] = useState<string[]>(team?.members.map((m) => m.id) ?? []);
  const [allowGap, setAllowGap] = useState(false);
  const [confirmRemove, setConfirmRemove] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const done = {
    onSuccess: () => {
      qc.invalidateQueries({ queryKey: trpc.roster.pathKey() });
      onClose();
    },
  };
  const save = useMutation(trpc.roster.saveTeam.mutationOptions(done));
  const remove = useMutation(trpc.roster.removeTeam.mutationOptions(done));
  const failed = save.error ?? remove.error;
  const server = failed ? describeError(failed, ["name", "members", "cycle"]) : null;
  const shown = { ...server?.fields, ...errors };
  const pending = save.isPending || remove.isPending;

  return (
    <Dialog open onOpenChange={(o) => (o ? null : onClose())}>
      <DialogContent
        size="lg"
        title={team ? `Edit ${team.name}` : `New team in ${roster.name}`}
        description={`Shifts in ${roster.timeZone} local time; members work every shift of the team's row.`}
      >
        <form
          noValidate
          className="grid gap-4"
          onSubmit={(e) => {
            e.preventDefault();
            const parsed = validate(teamInput, { rosterId: roster.id, id: team?.id, name, cycle, members, allowGap });
            if (!parsed.ok) return setErrors(parsed.errors);
            setErrors({});
            remove.reset();
            save.mutate(parsed.data);
          }}
        >
          <Field label="Team name" error={shown.name} required>
            <Input value={name} maxLength={40} onChange={(e) => setName(e.target.value)} placeholder="e.g. Team A" />
          </Field>
          <CycleEditor cycle={cycle} slots={roster.slots} anchor={roster.anchor} onChange={setCycle} />
          {staff.isError ? (
            <Alert tone="danger">Could not load the analysts.</Alert>
          ) : (
            <MembersPicker
              staff={(staff.data ?? []).filter((s) => s.role !== "admin")}
              loading={staff.isPending}
              members={members}
              onChange={setMembers}
              error={shown.members}
            />
          )}
          {server?.message ? <Alert tone="danger">{server.message}</Alert> : null}
          <GapConsent error={failed} checked={allowGap} onChange={setAllowGap} />
          <DialogFooter className="sm:justify-between">
            {team ? (
              <Button
                type="button"
                variant={confirmRemove ? "destructive" : "ghost"}
                disabled={pending}
                onClick={() => {
                  if (!confirmRemove) return setConfirmRemove(true);
                  save.reset();
                  remove.mutate({ id: team.id, allowGap });
                }}
              >
                {confirmRemove ? `Remove ${team.name} for good` : "Remove team"}
              </Button>
            ) : (
              <span />
            )}
            <div className="flex flex-col-reverse gap-2 sm:flex-row">
              <Button type="button" variant="outline" onClick={onClose}>
                Cancel
              </Button>
              <Button type="submit" disabled={pending}>
                {save.isPending ? "Saving…" : "Save team"}
              </Button>
            </div>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
