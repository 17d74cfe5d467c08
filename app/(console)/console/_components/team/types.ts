import type { RoleOption } from "../roles";

export type { PendingInvitation, TeamMember } from "@/app/_components/team/types";

export type InviteInput = { email: string; name?: string; role: string };

/** What a team (staff, or one customer's users) can do; each action resolves when the server has done it. */
export type TeamActions = {
  invite: (input: InviteInput) => Promise<unknown>;
  revoke: (invitationId: string) => Promise<unknown>;
  changeRole: (userId: string, role: string) => Promise<unknown>;
  remove: (userId: string) => Promise<unknown>;
};

export type TeamPermissions = { invite: boolean; manage: boolean; readOutbox: boolean };

export type TeamConfig = {
  roles: readonly RoleOption[];
  /** "user" or "staff member": used in labels and confirmations. */
  noun: string;
  /** Where the members belong, e.g. "Acme Corp" or "the provider". */
  orgName: string;
};
