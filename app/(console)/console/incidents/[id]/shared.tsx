"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import { Badge, type BadgeTone } from "@/app/_components/ui/badge";
import { useTRPC } from "@/app/_lib/trpc/client";
import type { Flash } from "../../_components/flash";
import type { RouterOutputs } from "../../_components/types";

export type IncidentDetail = RouterOutputs["incidents"]["byId"];
export type StaffMember = { userId: string; name: string };

/** What every section of the workspace gets. */
export type SectionProps = {
  detail: IncidentDetail;
  canManage: boolean;
  selfId: string;
  staff: readonly StaffMember[];
  notify: (flash: Flash) => void;
};

/** Refreshes everything an incident change can touch: the incident, the incident list, the queue and alerts. */
export function useRefreshIncident() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useCallback(
    () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: trpc.incidents.pathKey() }),
        queryClient.invalidateQueries({ queryKey: trpc.alerts.pathKey() }),
      ]),
    [queryClient, trpc],
  );
}

export type ActionKind = "isolate_host" | "disable_account" | "block_indicator" | "other";
export type ActionStatus = "requested" | "approved" | "declined" | "executed" | "cancelled";

export const ACTION_KIND_LABELS: Record<ActionKind, string> = {
  isolate_host: "Isolate host",
  disable_account: "Disable account",
  block_indicator: "Block indicator",
  other: "Other action",
};
export const ACTION_TARGET_HINTS: Record<ActionKind, string> = {
  isolate_host: "Host name, e.g. FIN-WS-0142",
  disable_account: "Account, e.g. ACME\\j.doe or j.doe@acme.example",
  block_indicator: "IP, domain, URL or hash",
  other: "What the action applies to",
};

const ACTION_STATUS: Record<ActionStatus, { label: string; tone: BadgeTone }> = {
  requested: { label: "Awaiting approval", tone: "warning" },
  approved: { label: "Approved", tone: "info" },
  declined: { label: "Declined", tone: "danger" },
  executed: { label: "Carried out", tone: "success" },
  cancelled: { label: "Withdrawn", tone: "neutral" },
};

export function ActionStatusBadge({ status }: { status: ActionStatus }) {
  const s = ACTION_STATUS[status];
  return <Badge tone={s.tone}>{s.label}</Badge>;
}

export const OBSERVABLE_KIND_LABELS: Record<string, string> = {
  ip: "IP",
  domain: "Domain",
  url: "URL",
  hash: "Hash",
  host: "Host",
  user: "User",
  process: "Process",
  email: "E-mail",
  file: "File",
};

export const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
