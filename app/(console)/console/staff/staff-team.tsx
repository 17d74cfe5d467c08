"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Card } from "@/app/_components/ui/card";
import { useTRPC } from "@/app/_lib/trpc/client";
import type { StaffRole } from "@/db/schema/tenancy";
import { inviteStaffInput } from "@/server/users/schema";
import { TableSkeleton } from "../_components/page-skeleton";
import { QueryError } from "../_components/query-error";
import { STAFF_ROLE_OPTIONS } from "../_components/roles";
import { TeamSection } from "../_components/team/team-section";
import type { TeamPermissions } from "../_components/team/types";

export function StaffTeam({
  selfId,
  providerName,
  can,
}: {
  selfId: string;
  providerName: string;
  can: TeamPermissions;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const team = useQuery(trpc.staff.list.queryOptions());
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.staff.list.queryKey() });
  const invite = useMutation(trpc.staff.invite.mutationOptions({ onSuccess: refresh }));
  const revoke = useMutation(trpc.staff.revokeInvitation.mutationOptions({ onSuccess: refresh }));
  const changeRole = useMutation(trpc.staff.changeRole.mutationOptions({ onSuccess: refresh }));
  const remove = useMutation(trpc.staff.remove.mutationOptions({ onSuccess: refresh }));

  if (team.isPending) return <TableSkeleton rows={5} />;
  if (team.isError) {
    return (
      <Card>
        <QueryError title="Could not load staff" error={team.error} onRetry={() => team.refetch()} />
      </Card>
    );
  }

  const count = team.data.members.length;
  return (
    <TeamSection
      title={`Members (${count})`}
      description="Roles: Provider admins manage everything; SOC managers manage customers and their users; analysts read."
      config={{ roles: STAFF_ROLE_OPTIONS, noun: "staff member", orgName: providerName }}
      data={team.data}
      selfId={selfId}
      can={can}
      inviteSchema={inviteStaffInput}
      actions={{
        invite: (input) => invite.mutateAsync({ ...input, role: input.role as StaffRole }),
        revoke: (invitationId) => revoke.mutateAsync({ invitationId }),
        changeRole: (userId, role) => changeRole.mutateAsync({ userId, role: role as StaffRole }),
        remove: (userId) => remove.mutateAsync({ userId }),
      }}
    />
  );
}
