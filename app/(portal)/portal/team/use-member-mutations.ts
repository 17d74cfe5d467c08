"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { PendingInvitation, TeamMember } from "@/app/_components/team/types";
import type { useConfirmTarget } from "@/app/_components/team/use-confirm-target";
import { useTRPC } from "@/app/_lib/trpc/client";
import { trpcErrorInfo } from "../_lib/labels";
import type { Notice } from "./notice";

type Confirm<T> = ReturnType<typeof useConfirmTarget<T>>;

/** Role change, removal and withdrawal on the team list; each updates the cached list at once, then refetches it. */
export function useMemberMutations({
  members,
  removing,
  revoking,
  setNotice,
}: {
  members: readonly TeamMember[] | undefined;
  removing: Confirm<TeamMember>;
  revoking: Confirm<PendingInvitation>;
  setNotice: (notice: Notice) => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.team.list.queryKey() });

  const changeRole = useMutation(
    trpc.team.changeRole.mutationOptions({
      onSuccess: (_data, vars) => {
        queryClient.setQueryData(trpc.team.list.queryKey(), (old) =>
          old
            ? { ...old, members: old.members.map((m) => (m.userId === vars.userId ? { ...m, role: vars.role } : m)) }
            : old,
        );
        const who = members?.find((m) => m.userId === vars.userId);
        setNotice({
          tone: "success",
          text: `${who?.name ?? "The user"} is now ${vars.role === "admin" ? "an admin" : "a viewer"}.`,
        });
      },
      onError: (e) => setNotice({ tone: "danger", text: trpcErrorInfo(e).message }),
      onSettled: refresh,
    }),
  );
  const remove = useMutation(
    trpc.team.remove.mutationOptions({
      onSuccess: (_data, vars) => {
        queryClient.setQueryData(trpc.team.list.queryKey(), (old) =>
          old ? { ...old, members: old.members.filter((m) => m.userId !== vars.userId) } : old,
        );
        setNotice({
          tone: "success",
          text: `${removing.target?.name ?? "The user"} was removed and can no longer sign in.`,
        });
        removing.close();
      },
      onError: (e) => removing.fail(trpcErrorInfo(e).message),
      onSettled: refresh,
    }),
  );
  const revoke = useMutation(
    trpc.team.revokeInvitation.mutationOptions({
      onSuccess: (_data, vars) => {
        queryClient.setQueryData(trpc.team.list.queryKey(), (old) =>
          old ? { ...old, pending: old.pending.filter((p) => p.id !== vars.invitationId) } : old,
        );
        setNotice({
          tone: "success",
          text: `The invitation to ${revoking.target?.email ?? "that address"} was withdrawn.`,
        });
        revoking.close();
      },
      onError: (e) => revoking.fail(trpcErrorInfo(e).message),
      onSettled: refresh,
    }),
  );

  return { refresh, changeRole, remove, revoke };
}
