"use client";

import { Button } from "@/app/_components/ui/button";
import { Table, TBody, TD, TH, THead, TR } from "@/app/_components/ui/table";
import { DateTime } from "../date-time";
import { type RoleOption, roleLabel } from "../roles";
import { inCardTable } from "../ui-classes";
import type { PendingInvitation } from "./types";

export function InvitationsTable({
  invitations,
  roles,
  canRevoke,
  onRevoke,
}: {
  invitations: readonly PendingInvitation[];
  roles: readonly RoleOption[];
  canRevoke: boolean;
  onRevoke: (invitation: PendingInvitation) => void;
}) {
  return (
    <Table className={inCardTable}>
      <THead>
        <TR>
          <TH>Invited</TH>
          <TH>Role</TH>
          <TH className="hidden sm:table-cell">Sent</TH>
          <TH>Expires</TH>
          {canRevoke ? (
            <TH className="w-24">
              <span className="sr-only">Actions</span>
            </TH>
          ) : null}
        </TR>
      </THead>
      <TBody>
        {invitations.map((inv) => (
          <TR key={inv.id}>
            <TD className="max-w-72">
              <div className="truncate font-medium">{inv.name ?? inv.email}</div>
              {inv.name ? <div className="truncate text-xs text-muted-foreground">{inv.email}</div> : null}
            </TD>
            <TD className="whitespace-nowrap">{roleLabel(roles, inv.role)}</TD>
            <TD className="hidden whitespace-nowrap text-muted-foreground sm:table-cell">
              <DateTime value={inv.createdAt} mode="date" />
            </TD>
            <TD className="whitespace-nowrap text-muted-foreground">
              <DateTime value={inv.expiresAt} mode="relative" />
            </TD>
            {canRevoke ? (
              <TD className="text-right">
                <Button
                  variant="ghost"
                  size="sm"
                  onClick={() => onRevoke(inv)}
                  aria-label={`Revoke invitation for ${inv.email}`}
                >
                  Revoke
                </Button>
              </TD>
            ) : null}
          </TR>
        ))}
      </TBody>
    </Table>
  );
}
