"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Card, CardContent, CardHeader, CardTitle } from "@/app/_components/ui/card";
import { LoadingState } from "@/app/_components/ui/states";
import { useTRPC } from "@/app/_lib/trpc/client";
import type { CustomerRole } from "@/db/schema/tenancy";
import { inviteCustomerUserInput } from "@/server/users/schema";
import { QueryError } from "../../_components/query-error";
import { CUSTOMER_ROLE_OPTIONS } from "../../_components/roles";
import { TeamSection } from "../../_components/team/team-section";
import type { Customer } from "../../_components/types";
import type { CustomerPermissions } from "./customer-detail";

export function UsersCard({ customer, selfId, can }: { customer: Customer; selfId: string; can: CustomerPermissions }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const customerId = customer.id;
  const team = useQuery(trpc.customerUsers.list.queryOptions({ customerId }));

  const refresh = async () => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.customerUsers.list.queryKey({ customerId }) }),
      queryClient.invalidateQueries({ queryKey: trpc.customers.list.queryKey() }),
    ]);
  };
  const invite = useMutation(trpc.customerUsers.invite.mutationOptions({ onSuccess: refresh }));
  const revoke = useMutation(trpc.customerUsers.revokeInvitation.mutationOptions({ onSuccess: refresh }));
  const changeRole = useMutation(trpc.customerUsers.changeRole.mutationOptions({ onSuccess: refresh }));
  const remove = useMutation(trpc.customerUsers.remove.mutationOptions({ onSuccess: refresh }));

  if (!team.data) {
    return (
      <Card>
        <CardHeader>
          <CardTitle>Users</CardTitle>
        </CardHeader>
        <CardContent>
          {team.isError ? (
            <QueryError title="Could not load users" error={team.error} onRetry={() => team.refetch()} />
          ) : (
            <LoadingState label="Loading users…" rows={3} />
          )}
        </CardContent>
      </Card>
    );
  }

  return (
    <TeamSection
      title="Users"
      description={`People at ${customer.name} who can sign in to the client portal.`}
      config={{ roles: CUSTOMER_ROLE_OPTIONS, noun: "user", orgName: customer.name }}
      data={team.data}
      selfId={selfId}
      can={{ invite: can.inviteUsers, manage: can.manageUsers, readOutbox: can.readOutbox }}
      inviteSchema={inviteCustomerUserInput}
      actions={{
        invite: (input) => invite.mutateAsync({ customerId, ...input, role: input.role as CustomerRole }),
        revoke: (invitationId) => revoke.mutateAsync({ customerId, invitationId }),
        changeRole: (userId, role) => changeRole.mutateAsync({ customerId, userId, role: role as CustomerRole }),
        remove: (userId) => remove.mutateAsync({ customerId, userId }),
      }}
    />
  );
}
