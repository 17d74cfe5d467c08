"use client";

import { MailPlus } from "lucide-react";
import type { PendingInvitation } from "@/app/_components/team/types";
import { Button } from "@/app/_components/ui/button";
import { formatDate } from "@/lib/format";
import { RoleBadge } from "./member-badges";

/** The invitations nobody has accepted yet, each (for those who may invite) with a "Withdraw" button. */
export function InvitationsList({
  invitations,
  timeZone,
  canWithdraw,
  onWithdraw,
}: {
  invitations: readonly PendingInvitation[];
  timeZone: string;
  canWithdraw: boolean;
  onWithdraw: (invitation: PendingInvitation) => void;
}) {
  return (
    <section aria-labelledby="pending-invitations" className="grid gap-2">
      <h3 id="pending-invitations" className="text-sm font-semibold">
        Open invitations
      </h3>
      <ul className="divide-y divide-border rounded-lg border border-dashed border-border">
        {invitations.map((inv) => (
          <li key={inv.id} className="flex items-start gap-3 px-4 py-3 sm:items-center">
            <MailPlus aria-hidden="true" className="mt-0.5 hidden size-4 shrink-0 text-muted-foreground sm:block" />
            <div className="grid min-w-0 flex-1 gap-0.5">
              <p className="truncate text-sm font-medium">{inv.name ?? inv.email}</p>
              {inv.name ? <p className="truncate text-xs text-muted-foreground">{inv.email}</p> : null}
              <p className="text-xs text-muted-foreground">
                Sent {formatDate(inv.createdAt, timeZone)} · valid until {formatDate(inv.expiresAt, timeZone)}
              </p>
            </div>
            <div className="flex shrink-0 flex-col items-end gap-1 sm:flex-row sm:items-center sm:gap-2">
              <RoleBadge role={inv.role} />
              {canWithdraw ? (
                <Button
                  variant="ghost"
                  size="sm"
                  className="-mr-2 sm:mr-0"
                  onClick={() => onWithdraw(inv)}
                  aria-label={`Withdraw the invitation to ${inv.email}`}
                >
                  Withdraw
                </Button>
              ) : null}
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
