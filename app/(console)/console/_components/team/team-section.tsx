"use client";

import { UserPlus } from "lucide-react";
import { type ReactNode, useId, useState } from "react";
import type { z } from "zod";
import { useConfirmTarget } from "@/app/_components/team/use-confirm-target";
import { Button } from "@/app/_components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/app/_components/ui/card";
import Link from "@/app/_components/ui/link";
import { errorMessage } from "../errors";
import { type Notice, NoticeAlert } from "../notice";
import { roleLabel } from "../roles";
import { InvitationsTable } from "./invitations-table";
import { InviteDialog } from "./invite-dialog";
import { MembersTable } from "./members-table";
import { type TeamConfirmation, TeamConfirmDialog } from "./team-confirm";
import type { InviteInput, PendingInvitation, TeamActions, TeamConfig, TeamMember, TeamPermissions } from "./types";

/** Members and pending invitations of one organisation, with invite / role / remove / revoke actions. */
export function TeamSection({
  title,
  description,
  config,
  data,
  selfId,
  can,
  actions,
  inviteSchema,
}: {
  title: string;
  description?: ReactNode;
  config: TeamConfig;
  data: { members: readonly TeamMember[]; pending: readonly PendingInvitation[] };
  selfId: string;
  can: TeamPermissions;
  actions: TeamActions;
  inviteSchema: z.ZodType<InviteInput, unknown>;
}) {
  const { roles, noun, orgName } = config;
  const [inviting, setInviting] = useState(false);
  const [notice, setNotice] = useState<Notice | null>(null);
  const confirmation = useConfirmTarget<TeamConfirmation>();
  const [busy, setBusy] = useState<string | null>(null);
  const pendingHeadingId = useId();

  async function changeRole(member: TeamMember, role: string) {
    setBusy(member.userId);
    setNotice(null);
    try {
      await actions.changeRole(member.userId, role);
      setNotice({ tone: "success", title: `${member.name} is now ${roleLabel(roles, role)}.` });
    } catch (error) {
      setNotice({ tone: "danger", title: `Could not change ${member.name}'s role`, body: errorMessage(error) });
    } finally {
      setBusy(null);
    }
  }

  async function runConfirmed() {
    const confirm = confirmation.target;
    if (!confirm) return;
    setBusy("confirm");
    confirmation.clearError();
    try {
      if (confirm.kind === "remove") await actions.remove(confirm.member.userId);
      else await actions.revoke(confirm.invitation.id);
      setNotice({
        tone: "success",
        title:
          confirm.kind === "remove"
            ? `${confirm.member.name} was removed.`
            : `The invitation for ${confirm.invitation.email} was revoked.`,
      });
      confirmation.close();
    } catch (error) {
      confirmation.fail(errorMessage(error));
    } finally {
      setBusy(null);
    }
  }

  const inviteButton = can.invite ? (
    <Button size="sm" onClick={() => setInviting(true)}>
      <UserPlus aria-hidden="true" />
      Invite {noun}
    </Button>
  ) : null;

  return (
    <Card>
      <CardHeader actions={inviteButton}>
        <CardTitle>{title}</CardTitle>
        {description ? <CardDescription>{description}</CardDescription> : null}
      </CardHeader>
      <CardContent className="grid gap-5 px-0 pb-0">
        <NoticeAlert notice={notice} onDismiss={() => setNotice(null)} className="mx-5" />
        <MembersTable
          members={data.members}
          roles={roles}
          noun={noun}
          selfId={selfId}
          canManage={can.manage}
          busyUserId={busy}
          onChangeRole={changeRole}
          onRemove={(member) => confirmation.ask({ kind: "remove", member })}
        />
        {data.pending.length > 0 ? (
          <section aria-labelledby={pendingHeadingId} className="grid gap-2 border-t border-border pt-4">
            <h3 id={pendingHeadingId} className="px-5 text-sm font-semibold">
              Pending invitations <span className="font-normal text-muted-foreground">({data.pending.length})</span>
            </h3>
            <InvitationsTable
              invitations={data.pending}
              roles={roles}
              canRevoke={can.invite}
              onRevoke={(invitation) => confirmation.ask({ kind: "revoke", invitation })}
            />
          </section>
        ) : null}
      </CardContent>
      <InviteDialog
        open={inviting}
        onOpenChange={setInviting}
        roles={roles}
        noun={noun}
        orgName={orgName}
        schema={inviteSchema}
        onInvite={actions.invite}
        onInvited={(email) =>
          setNotice({
            tone: "success",
            title: `Invitation sent to ${email}`,
            body: <InviteSentNote linkToOutbox={can.readOutbox} />,
          })
        }
      />
      <TeamConfirmDialog
        confirm={confirmation.target}
        noun={noun}
        orgName={orgName}
        pending={busy === "confirm"}
        error={confirmation.error}
        onClose={confirmation.close}
        onConfirm={runConfirmed}
      />
    </Card>
  );
}

function InviteSentNote({ linkToOutbox }: { linkToOutbox: boolean }) {
  const outbox = linkToOutbox ? <Link href="/console/outbox">e-mail outbox</Link> : "e-mail outbox";
  return <>The invitation e-mail is on its way. Without an SMTP server it waits in the {outbox}.</>;
}
