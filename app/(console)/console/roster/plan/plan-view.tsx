"use client";

import { useQuery } from "@tanstack/react-query";
import { Plus } from "lucide-react";
import { useState } from "react";
import { Button } from "@/app/_components/ui/button";
import Link from "@/app/_components/ui/link";
import { PageHeader } from "@/app/_components/ui/page-header";
import { EmptyState, LoadingState } from "@/app/_components/ui/states";
import { useTRPC } from "@/app/_lib/trpc/client";
import { QueryError } from "../../_components/query-error";
import type { RouterOutputs } from "../../_components/types";
import { useReturnFocus } from "../_lib/return-focus";
import { RosterCard } from "./roster-card";
import { RosterDialog } from "./roster-dialog";
import { TeamDialog } from "./team-dialog";

export type PlanRoster = RouterOutputs["roster"]["list"][number];
export type PlanTeam = PlanRoster["teams"][number];
type Editing =
  | { kind: "roster"; roster: PlanRoster | null }
  | { kind: "team"; roster: PlanRoster; team: PlanTeam | null }
  | null;

/** The SOC manager's planning page: rosters (zone, shifts, cycle), their teams' patterns and members. */
export function PlanView({ canManage }: { canManage: boolean }) {
  const trpc = useTRPC();
  const q = useQuery(trpc.roster.list.queryOptions());
  const [editing, setEditing] = useState<Editing>(null);
  const focus = useReturnFocus();
  const open = (e: Editing) => {
    focus.remember();
    setEditing(e);
  };
  const close = () => {
    setEditing(null);
    focus.restore();
  };
  return (
    <div className="grid gap-6">
      <PageHeader
        title="Plan rosters"
        breadcrumbs={[{ label: "Roster", href: "/console/roster" }, { label: "Plan" }]}
        description="Each roster has a time zone, named shifts in local wall-clock time and a cycle of days from an anchor date; each team works its row of the cycle."
        actions={
          <>
            <Button asChild variant="outline">
              <Link href="/console/roster/staff">Staff profiles</Link>
            </Button>
            {canManage ? (
              <Button onClick={() => open({ kind: "roster", roster: null })}>
                <Plus aria-hidden /> New roster
              </Button>
            ) : null}
          </>
        }
      />
      {q.isPending ? (
        <LoadingState label="Loading rosters…" rows={4} />
      ) : q.isError ? (
        <QueryError error={q.error} onRetry={() => q.refetch()} title="Could not load the rosters" />
      ) : q.data.length === 0 ? (
        <EmptyState
          title="No rosters yet"
          description="Create one per team location, e.g. Europe/Berlin, America/Chicago and Asia/Singapore for follow-the-sun cover."
        />
      ) : (
        q.data.map((r) => (
          <RosterCard
            key={r.id}
            roster={r}
            canManage={canManage}
            onEdit={() => open({ kind: "roster", roster: r })}
            onEditTeam={(team) => open({ kind: "team", roster: r, team })}
          />
        ))
      )}
      {editing?.kind === "roster" ? (
        <RosterDialog roster={editing.roster} onClose={close} />
      ) : editing?.kind === "team" ? (
        <TeamDialog roster={editing.roster} team={editing.team} onClose={close} />
      ) : null}
    </div>
  );
}
