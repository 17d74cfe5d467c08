"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Check, ChevronDown, FolderInput, Gavel, Siren, UserRound } from "lucide-react";
import { useEffect, useRef, useState } from "react";
import { Button } from "@/app/_components/ui/button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/app/_components/ui/dropdown-menu";
import { useTRPC } from "@/app/_lib/trpc/client";
import { type ActionAlert, AttachDialog, EscalateDialog, VerdictDialog } from "./alert-action-dialogs";
import { errorMessage } from "./errors";
import type { Flash } from "./flash";

export type { ActionAlert } from "./alert-action-dialogs";

type Open = "verdict" | "escalate" | "attach" | null;

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/**
 * What an analyst does with one or more alerts: acknowledge, assign, verdict, escalate, attach. Each action
 * refreshes every alert and incident query and reports its outcome through `onDone`.
 */
export function AlertActions({
  alerts,
  selfId,
  canTriage,
  canManageIncidents,
  onDone,
  onDialogChange,
}: {
  alerts: readonly ActionAlert[];
  selfId: string;
  canTriage: boolean;
  canManageIncidents: boolean;
  onDone: (flash: Flash) => void;
  /** Told when a dialog opens or closes (e.g. to pause auto-refresh). */
  onDialogChange?: (open: boolean) => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [open, setOpenState] = useState<Open>(null);
  const staff = useQuery({ ...trpc.staff.list.queryOptions(), enabled: canTriage });

  const dialogChange = useRef(onDialogChange);
  const isOpen = useRef(false);
  useEffect(() => {
    dialogChange.current = onDialogChange;
  });
  // Unmounted with a dialog open (the selection went away): whoever paused for it must not wait forever.
  useEffect(
    () => () => {
      if (isOpen.current) dialogChange.current?.(false);
    },
    [],
  );
  const setOpen = (next: Open) => {
    setOpenState(next);
    isOpen.current = next !== null;
    onDialogChange?.(next !== null);
  };
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.alerts.pathKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.incidents.pathKey() }),
    ]);
  const done = async (flash: Flash) => {
    await refresh();
    onDone(flash);
  };
  const failed = (e: unknown) => onDone({ tone: "danger", message: errorMessage(e) });
  const ids = alerts.map((a) => a.id);
  const fresh = alerts.filter((a) => a.status === "new").length;

  const acknowledge = useMutation(
    trpc.alerts.acknowledge.mutationOptions({
      onSuccess: (r) =>
        done({
          tone: "success",
          message: r.acknowledged
            ? `Acknowledged ${plural(r.acknowledged, "alert")}.`
            : "Nothing to acknowledge: the alerts were already past “new”.",
        }),
      onError: failed,
    }),
  );
  const assign = useMutation(
    trpc.alerts.assign.mutationOptions({
      onSuccess: (r, input) => {
        const who =
          input.assigneeId === selfId
            ? "you"
            : (staff.data?.members.find((m) => m.userId === input.assigneeId)?.name ?? "the staff member");
        return done({
          tone: "success",
          message: input.assigneeId
            ? `Assigned ${plural(r.assigned, "alert")} to ${who}.`
            : `Unassigned ${plural(r.assigned, "alert")}.`,
        });
      },
      onError: failed,
    }),
  );

  if (!canTriage) return null;
  const members = staff.data?.members ?? [];

  return (
    <>
      <Button
        size="sm"
        variant="outline"
        loading={acknowledge.isPending}
        disabled={fresh === 0}
        title={fresh === 0 ? "Only new alerts can be acknowledged" : undefined}
        onClick={() => acknowledge.mutate({ alertIds: ids })}
      >
        <Check aria-hidden="true" />
        Acknowledge
      </Button>
      <DropdownMenu>
        <DropdownMenuTrigger asChild>
          <Button size="sm" variant="outline" loading={assign.isPending}>
            <UserRound aria-hidden="true" />
            Assign
            <ChevronDown aria-hidden="true" className="-mr-1 size-3.5" />
          </Button>
        </DropdownMenuTrigger>
        <DropdownMenuContent align="start" className="w-60">
          <DropdownMenuItem onSelect={() => assign.mutate({ alertIds: ids, assigneeId: selfId })}>
            Assign to me
          </DropdownMenuItem>
          <DropdownMenuSeparator />
          <DropdownMenuLabel>Staff</DropdownMenuLabel>
          {staff.isPending ? (
            <DropdownMenuItem disabled>Loading staff…</DropdownMenuItem>
          ) : staff.isError ? (
            <DropdownMenuItem disabled>Could not load staff</DropdownMenuItem>
          ) : (
            members
              .filter((m) => m.userId !== selfId)
              .map((m) => (
                <DropdownMenuItem
                  key={m.userId}
                  onSelect={() => assign.mutate({ alertIds: ids, assigneeId: m.userId })}
                >
                  <span className="truncate">{m.name}</span>
                </DropdownMenuItem>
              ))
          )}
          <DropdownMenuSeparator />
          <DropdownMenuItem onSelect={() => assign.mutate({ alertIds: ids, assigneeId: null })}>
            Unassign
          </DropdownMenuItem>
        </DropdownMenuContent>
      </DropdownMenu>
      <Button size="sm" variant="outline" onClick={() => setOpen("verdict")}>
        <Gavel aria-hidden="true" />
        Verdict…
      </Button>
      {canManageIncidents ? (
        <>
          <Button size="sm" variant="outline" onClick={() => setOpen("escalate")}>
            <Siren aria-hidden="true" />
            Escalate…
          </Button>
          <Button size="sm" variant="outline" onClick={() => setOpen("attach")}>
            <FolderInput aria-hidden="true" />
            Attach…
          </Button>
        </>
      ) : null}
      {open === "verdict" ? <VerdictDialog alerts={alerts} onClose={() => setOpen(null)} onDone={done} /> : null}
      {open === "escalate" ? <EscalateDialog alerts={alerts} onClose={() => setOpen(null)} onDone={done} /> : null}
      {open === "attach" ? <AttachDialog alerts={alerts} onClose={() => setOpen(null)} onDone={done} /> : null}
    </>
  );
}
