"use client";

import { ConfirmDialog } from "@/app/_components/ui/confirm-dialog";
import type { PendingInvitation, TeamMember } from "./types";

export type TeamConfirmation =
  | { kind: "remove"; member: TeamMember }
  | { kind: "revoke"; invitation: PendingInvitation };

/** The "are you sure?" for removing a member or revoking an invitation. */
export function TeamConfirmDialog({
  confirm,
  noun,
  orgName,
  pending,
  error,
  onClose,
  onConfirm,
}: {
  confirm: TeamConfirmation | null;
  noun: string;
  orgName: string;
  pending: boolean;
  error: string | null;
  onClose: () => void;
  onConfirm: () => void;
}) {
  const removing = confirm?.kind === "remove" ? confirm.member : null;
  const revoking = confirm?.kind === "revoke" ? confirm.invitation : null;
  return (
    <ConfirmDialog
      open={confirm !== null}
      onOpenChange={(open) => (open ? undefined : onClose())}
      title={removing ? `Remove ${removing.name}?` : "Revoke this invitation?"}
      description={
        removing
          ? `${removing.email} loses access to ${orgName} at once and their account is deleted. This cannot be undone.`
          : revoking
            ? `The link sent to ${revoking.email} stops working. You can invite them again later.`
            : undefined
      }
      confirmLabel={removing ? `Remove ${noun}` : "Revoke invitation"}
      onConfirm={onConfirm}
      pending={pending}
      error={error}
    />
  );
}
