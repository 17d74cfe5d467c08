"use client";

import { Users } from "lucide-react";
import { Badge } from "@/app/_components/ui/badge";
import { EmptyState } from "@/app/_components/ui/states";
import { Table, TBody, TD, TH, THead, TR } from "@/app/_components/ui/table";
import { TwoFactorBadge } from "../badges";
import { DateTime } from "../date-time";
import { type RoleOption, roleLabel } from "../roles";
import { inCardTable } from "../ui-classes";
import { MemberActions } from "./member-actions";
import type { TeamMember } from "./types";

export function MembersTable({
  members,
  roles,
  noun,
  selfId,
  canManage,
  busyUserId,
  onChangeRole,
  onRemove,
}: {
  members: readonly TeamMember[];
  roles: readonly RoleOption[];
  noun: string;
  selfId: string;
  canManage: boolean;
  busyUserId: string | null;
  onChangeRole: (member: TeamMember, role: string) => void;
  onRemove: (member: TeamMember) => void;
}) {
  if (members.length === 0) {
    return <EmptyState icon={Users} title={`No ${noun}s yet`} description="Invite someone to get started." />;
  }
  return (
    <Table className={inCardTable}>
      <THead>
        <TR>
          <TH>Name</TH>
          <TH>Role</TH>
          <TH>Two-factor</TH>
          <TH className="hidden sm:table-cell">Joined</TH>
          {canManage ? (
            <TH className="w-12">
              <span className="sr-only">Actions</span>
            </TH>
          ) : null}
        </TR>
      </THead>
      <TBody>
        {members.map((m) => {
          const self = m.userId === selfId;
          return (
            <TR key={m.userId}>
              <TD className="max-w-72">
                <div className="flex min-w-0 items-center gap-2">
                  <span className="truncate font-medium">{m.name}</span>
                  {self ? <Badge tone="primary">You</Badge> : null}
                </div>
                <div className="truncate text-xs text-muted-foreground">{m.email}</div>
              </TD>
              <TD className="whitespace-nowrap">{roleLabel(roles, m.role)}</TD>
              <TD>
                <TwoFactorBadge enabled={m.twoFactorEnabled} />
              </TD>
              <TD className="hidden whitespace-nowrap text-muted-foreground sm:table-cell">
                <DateTime value={m.joinedAt} mode="date" />
              </TD>
              {canManage ? (
                <TD className="text-right">
                  {self ? null : (
                    <MemberActions
                      member={m}
                      roles={roles}
                      noun={noun}
                      busy={busyUserId === m.userId}
                      onChangeRole={(role) => onChangeRole(m, role)}
                      onRemove={() => onRemove(m)}
                    />
                  )}
                </TD>
              ) : null}
            </TR>
          );
        })}
      </TBody>
    </Table>
  );
}
