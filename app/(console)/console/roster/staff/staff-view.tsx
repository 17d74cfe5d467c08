"use client";

import { useQuery } from "@tanstack/react-query";
import { Pencil } from "lucide-react";
import { useState } from "react";
import { Badge } from "@/app/_components/ui/badge";
import { Button } from "@/app/_components/ui/button";
import { Card, CardContent } from "@/app/_components/ui/card";
import { PageHeader } from "@/app/_components/ui/page-header";
import { EmptyState, LoadingState } from "@/app/_components/ui/states";
import { Table, TBody, TD, TH, THead, TR } from "@/app/_components/ui/table";
import { useTRPC } from "@/app/_lib/trpc/client";
import { QueryError } from "../../_components/query-error";
import { inCardTable } from "../../_components/ui-classes";
import { useReturnFocus } from "../_lib/return-focus";
import { LEVELS, type Profile } from "./labels";
import { ProfileDialog } from "./profile-dialog";

/** Staff profiles: level (1–3; 2 and 3 count as senior), skills and languages, which the gaps check against. */
export function StaffView({ canManage }: { canManage: boolean }) {
  const trpc = useTRPC();
  const q = useQuery(trpc.roster.profiles.queryOptions());
  const [editing, setEditing] = useState<Profile | null>(null);
  const focus = useReturnFocus();
  return (
    <div className="grid gap-6">
      <PageHeader
        title="Staff profiles"
        breadcrumbs={[{ label: "Roster", href: "/console/roster" }, { label: "Staff profiles" }]}
        description="Level, skills and languages of each analyst. The gaps use them: a senior (level 2 or 3) for customers with a critical target, the skills each tier needs, the contract's languages."
      />
      <Card>
        <CardContent className="px-0 pb-0">
          {q.isPending ? (
            <LoadingState label="Loading staff…" className="px-5" />
          ) : q.isError ? (
            <QueryError error={q.error} onRetry={() => q.refetch()} title="Could not load the staff" />
          ) : q.data.length === 0 ? (
            <EmptyState title="No provider staff yet" description="Invite analysts under Team first." />
          ) : (
            <Table className={inCardTable}>
              <THead>
                <TR>
                  <TH>Analyst</TH>
                  <TH>Level</TH>
                  <TH>Skills</TH>
                  <TH className="hidden sm:table-cell">Languages</TH>
                  {canManage ? <TH className="sr-only">Actions</TH> : null}
                </TR>
              </THead>
              <TBody>
                {q.data.map((p) => (
                  <TR key={p.userId}>
                    <TD className="min-w-0">
                      <div className="font-medium">{p.name}</div>
                      <div className="hidden text-xs text-muted-foreground break-all sm:block">{p.email}</div>
                    </TD>
                    <TD className="whitespace-nowrap">{LEVELS[p.level] ?? `L${p.level}`}</TD>
                    <TD>
                      <div className="flex flex-wrap gap-1">
                        {p.skills.length ? (
                          p.skills.map((s) => <Badge key={s}>{s}</Badge>)
                        ) : (
                          <span className="text-muted-foreground">none</span>
                        )}
                      </div>
                      <div className="mt-1 text-xs text-muted-foreground sm:hidden">
                        {p.languages.map((l) => l.toUpperCase()).join(", ")}
                      </div>
                    </TD>
                    <TD className="hidden sm:table-cell">
                      {p.languages.map((l) => l.toUpperCase()).join(", ") || "—"}
                    </TD>
                    {canManage ? (
                      <TD className="text-right">
                        <Button
                          size="sm"
                          variant="ghost"
                          onClick={() => {
                            focus.remember();
                            setEditing(p);
                          }}
                        >
                          <Pencil aria-hidden /> <span className="sr-only sm:not-sr-only">Edit</span>
                          <span className="sr-only"> {p.name}</span>
                        </Button>
                      </TD>
                    ) : null}
                  </TR>
                ))}
              </TBody>
            </Table>
          )}
        </CardContent>
      </Card>
      {editing ? (
        <ProfileDialog
          profile={editing}
          onClose={() => {
            setEditing(null);
            focus.restore();
          }}
        />
      ) : null}
    </div>
  );
}
