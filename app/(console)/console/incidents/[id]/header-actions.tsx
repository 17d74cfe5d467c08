"use client";

import { useMutation } from "@tanstack/react-query";
import { Check, ChevronDown, Eye, Gauge, MessageCircleQuestion, Pencil, UserRound, Workflow } from "lucide-react";
import { useState } from "react";
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
import type { IncidentStatus } from "@/db/schema/incidents";
import { STATUS_LABELS } from "@/server/incidents/lifecycle";
import { errorMessage } from "../../_components/errors";
import {
  AskCustomerDialog,
  CloseDialog,
  EditDetailsDialog,
  OpenToCustomerDialog,
  SeverityDialog,
} from "./incident-dialogs";
import { type SectionProps, useRefreshIncident } from "./shared";

type Open = "close" | "severity" | "edit" | "open" | "ask" | null;

/** The incident's primary actions, under its title. */
export function HeaderActions({ detail, selfId, staff, notify }: SectionProps) {
  const trpc = useTRPC();
  const refresh = useRefreshIncident();
  const [open, setOpen] = useState<Open>(null);
  const inc = detail.incident;
  const incidentId = inc.id;
  const failed = (e: unknown) => notify({ tone: "danger", message: errorMessage(e) });

  const acknowledge = useMutation(
    trpc.incidents.acknowledge.mutationOptions({
      onSuccess: async () => {
        await refresh();
        notify({ tone: "success", message: `${detail.reference} acknowledged.` });
      },
      onError: failed,
    }),
  );
  const setStatus = useMutation(
    trpc.incidents.setStatus.mutationOptions({
      onSuccess: async (r) => {
        await refresh();
        notify({ tone: "success", message: `${detail.reference} is now ${STATUS_LABELS[r.status].toLowerCase()}.` });
      },
      onError: failed,
    }),
  );
  const assign = useMutation(
    trpc.incidents.assign.mutationOptions({
      onSuccess: async (r) => {
        await refresh();
        const who =
          r.assigneeId === selfId ? "you" : (staff.find((s) => s.userId === r.assigneeId)?.name ?? "the staff member");
        notify({ tone: "success", message: r.assigneeId ? `Assigned to ${who}.` : "Unassigned." });
      },
      onError: failed,
    }),
  );

  // "Waiting on customer" is reached by asking the customer, not from the menu.
  const next = detail.nextStatuses.filter(
    (s): s is Exclude<IncidentStatus, "waiting_on_customer"> => s !== "waiting_on_customer",
  );
  const closed = inc.status === "closed";

  return (
    <div className="flex flex-wrap items-center gap-2">
      {!inc.acknowledgedAt ? (
        <Button size="sm" loading={acknowledge.isPending} onClick={() => acknowledge.mutate({ incidentId })}>
          <Check aria-hidden="true" />
          Acknowledge
        </Button>
      ) : null}
      <DropdownMenu>
        <DropdownMenuTrigger asChild>
          <Button size="sm" variant="outline" loading={setStatus.isPending} disabled={next.length === 0}>
            <Workflow aria-hidden="true" />
            {closed ? "Reopen" : "Status"}
            <ChevronDown aria-hidden="true" className="-mr-1 size-3.5" />
          </Button>
        </DropdownMenuTrigger>
        <DropdownMenuContent align="start" className="w-64">
          <DropdownMenuLabel>
            From {STATUS_LABELS[inc.status].toLowerCase()}
            {inc.status === "waiting_on_customer" && inc.resumeStatus
              ? ` (was ${STATUS_LABELS[inc.resumeStatus].toLowerCase()})`
              : ""}{" "}
            to…
            {inc.visibleToCustomer ? (
              <span className="mt-0.5 block font-normal">The customer is told of each change.</span>
            ) : null}
          </DropdownMenuLabel>
          <DropdownMenuSeparator />
          {next.map((s) =>
            s === "closed" ? (
              <DropdownMenuItem key={s} onSelect={() => setOpen("close")}>
                Closed…
              </DropdownMenuItem>
            ) : (
              <DropdownMenuItem key={s} onSelect={() => setStatus.mutate({ incidentId, to: s })}>
                {STATUS_LABELS[s]}
              </DropdownMenuItem>
            ),
          )}
        </DropdownMenuContent>
      </DropdownMenu>
      {inc.visibleToCustomer ? (
        <Button size="sm" variant="outline" disabled={closed} onClick={() => setOpen("ask")}>
          <MessageCircleQuestion aria-hidden="true" />
          Ask the customer…
        </Button>
      ) : (
        <Button size="sm" variant="outline" onClick={() => setOpen("open")}>
          <Eye aria-hidden="true" />
          Open to customer…
        </Button>
      )}
      <DropdownMenu>
        <DropdownMenuTrigger asChild>
          <Button size="sm" variant="outline" loading={assign.isPending}>
            <UserRound aria-hidden="true" />
            Assign
            <ChevronDown aria-hidden="true" className="-mr-1 size-3.5" />
          </Button>
        </DropdownMenuTrigger>
        <DropdownMenuContent align="start" className="w-60">
          <DropdownMenuItem
            disabled={inc.assigneeId === selfId}
            onSelect={() => assign.mutate({ incidentId, assigneeId: selfId })}
          >
            Assign to me
          </DropdownMenuItem>
          <DropdownMenuSeparator />
          <DropdownMenuLabel>Staff</DropdownMenuLabel>
          {staff
            .filter((s) => s.userId !== selfId)
            .map((s) => (
              <DropdownMenuItem
                key={s.userId}
                disabled={inc.assigneeId === s.userId}
                onSelect={() => assign.mutate({ incidentId, assigneeId: s.userId })}
              >
                <span className="truncate">{s.name}</span>
              </DropdownMenuItem>
            ))}
          <DropdownMenuSeparator />
          <DropdownMenuItem disabled={!inc.assigneeId} onSelect={() => assign.mutate({ incidentId, assigneeId: null })}>
            Unassign
          </DropdownMenuItem>
        </DropdownMenuContent>
      </DropdownMenu>
      <Button size="sm" variant="outline" onClick={() => setOpen("severity")}>
        <Gauge aria-hidden="true" />
        Severity…
      </Button>
      <Button size="sm" variant="outline" onClick={() => setOpen("edit")}>
        <Pencil aria-hidden="true" />
        Edit…
      </Button>
      {open === "close" ? <CloseDialog detail={detail} onClose={() => setOpen(null)} notify={notify} /> : null}
      {open === "severity" ? <SeverityDialog detail={detail} onClose={() => setOpen(null)} notify={notify} /> : null}
      {open === "edit" ? <EditDetailsDialog detail={detail} onClose={() => setOpen(null)} notify={notify} /> : null}
      {open === "open" ? <OpenToCustomerDialog detail={detail} onClose={() => setOpen(null)} notify={notify} /> : null}
      {open === "ask" ? <AskCustomerDialog detail={detail} onClose={() => setOpen(null)} notify={notify} /> : null}
    </div>
  );
}
