"use client";

import { useQuery } from "@tanstack/react-query";
import { UserPlus, Users } from "lucide-react";
import { useState } from "react";
import type { PendingInvitation, TeamMember } from "@/app/_components/team/types";
import { useConfirmTarget } from "@/app/_components/team/use-confirm-target";
import { Button } from "@/app/_components/ui/button";
import { Card, CardContent } from "@/app/_components/ui/card";
import { ConfirmDialog } from "@/app/_components/ui/confirm-dialog";
import { EmptyState, ErrorState, LoadingState } from "@/app/_components/ui/states";
import { useTRPC } from "@/app/_lib/trpc/client";
import { SectionHeader } from "../_components/section-header";
import { trpcErrorInfo } from "../_lib/labels";
import { InvitationsList } from "./invitations-list";
import { InviteDialog } from "./invite-dialog";
import { MemberRow } from "./member-row";
import { type Notice, NoticeBanner } from "./notice";
import { useMemberMutations } from "./use-member-mutations";

/** The organisation's portal users and open invitations, with invite / role / remove / withdraw actions. */
export function MembersCard({
  currentUserId,
  timeZone,
  canInvite,
  canManage,
}: {
  currentUserId: string;
  timeZone: string;
  canInvite: boolean;
  canManage: boolean;
}) {
  const trpc = useTRPC();
  const team = useQuery(trpc.team.list.queryOptions());
  const [notice, setNotice] = useState<Notice>(null);
  const [inviteOpen, setInviteOpen] = useState(false);
  const removing = useConfirmTarget<TeamMember>();
  const revoking = useConfirmTarget<PendingInvitation>();
  const { refresh, changeRole, remove, revoke } = useMemberMutations({
    members: team.data?.members,
    removing,
    revoking,
    setNotice,
  });

  const members = team.data?.members ?? [];
  const pending = team.data?.pending ?? [];

  return (
    <Card>
      <SectionHeader
        title="Portal users"
        description={
          team.data
            ? `${members.length} ${members.length === 1 ? "person has" : "people have"} access${
                pending.length ? `; ${pending.length} invitation${pending.length === 1 ? " is" : "s are"} open` : ""
              }.`
            : "People in your organisation who can sign in to this portal."
        }
        actions={
          canInvite ? (
            <Button size="sm" onClick={() => setInviteOpen(true)}>
              <UserPlus aria-hidden="true" />
              Invite user
            </Button>
          ) : undefined
        }
      />
      <CardContent className="grid gap-4">
        <NoticeBanner notice={notice} onDismiss={() => setNotice(null)} />

        {team.isPending ? (
          <LoadingState label="Loading users…" rows={3} className="py-2" />
        ) : team.isError ? (
          <ErrorState
            className="py-8"
            title="Could not load your team"
            message={trpcErrorInfo(team.error).message}
            onRetry={() => void team.refetch()}
          />
        ) : members.length === 0 ? (
          <EmptyState icon={Users} className="py-8" title="No users yet" />
        ) : (
          <ul className="divide-y divide-border rounded-lg border border-border" aria-label="Users">
            {members.map((m) => (
              <MemberRow
                key={m.userId}
                member={m}
                isSelf={m.userId === currentUserId}
                timeZone={timeZone}
                canManage={canManage}
                busy={changeRole.isPending && changeRole.variables?.userId === m.userId}
                onChangeRole={(role) => {
                  setNotice(null);
                  changeRole.mutate({ userId: m.userId, role });
                }}
                onRemove={() => removing.ask(m)}
              />
            ))}
          </ul>
        )}

        {team.data && pending.length > 0 ? (
          <InvitationsList
            invitations={pending}
            timeZone={timeZone}
            canWithdraw={canInvite}
            onWithdraw={revoking.ask}
          />
        ) : null}
      </CardContent>

      {canInvite ? (
        <InviteDialog
          open={inviteOpen}
          onOpenChange={setInviteOpen}
          onInvited={(email) => {
            setNotice({ tone: "success", text: `Invitation sent to ${email}. The link in it is valid for 7 days.` });
            void refresh();
          }}
        />
      ) : null}

      <ConfirmDialog
        open={removing.target !== null}
        onOpenChange={(open) => (open ? undefined : removing.close())}
        title={`Remove ${removing.target?.name ?? "this user"}?`}
        description={`${removing.target?.email ?? "They"} will be signed out and can no longer use the portal. To give them access again, send a new invitation.`}
        confirmLabel="Remove user"
        pending={remove.isPending}
        error={removing.error}
        onConfirm={() => removing.target && remove.mutate({ userId: removing.target.userId })}
      />
      <ConfirmDialog
        open={revoking.target !== null}
        onOpenChange={(open) => (open ? undefined : revoking.close())}
        title="Withdraw this invitation?"
        description={`The link sent to ${revoking.target?.email ?? "this address"} will stop working. You can invite them again later.`}
        confirmLabel="Withdraw invitation"
        pending={revoke.isPending}
        error={revoking.error}
        onConfirm={() => revoking.target && revoke.mutate({ invitationId: revoking.target.id })}
      />
    </Card>
  );
}
