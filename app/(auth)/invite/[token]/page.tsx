import { TRPCError } from "@trpc/server";
import { CircleCheck, Clock, LinkIcon, Mail } from "lucide-react";
import { Alert } from "@/app/_components/ui/alert";
import { Button } from "@/app/_components/ui/button";
import Link from "@/app/_components/ui/link";
import { getSessionInfo } from "@/app/_lib/session";
import { serverCaller } from "@/app/_lib/trpc/server";
import { AuthCard, authLinkClass } from "../../_components/auth-card";
import { AcceptInvitationForm } from "./accept-form";

export const metadata = { title: "Accept invitation" };

async function loadInvitation(token: string) {
  try {
    return await (await serverCaller()).invitations.byToken({ token });
  } catch (e) {
    // Unknown token, or one that is not even shaped like a token: the same friendly page.
    if (e instanceof TRPCError && (e.code === "NOT_FOUND" || e.code === "BAD_REQUEST")) return null;
    throw e;
  }
}

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const invitation = await loadInvitation(token);

  if (!invitation) {
    return (
      <AuthCard
        title="This invitation link does not work"
        footer={
          <Link href="/sign-in" className={authLinkClass}>
            Go to sign in
          </Link>
        }
      >
        <Alert tone="warning" icon={LinkIcon} title="The link is not valid">
          It may be incomplete (check that you opened the whole link from the e-mail), or it was replaced by a newer
          invitation. Ask the person who invited you to send a new one.
        </Alert>
      </AuthCard>
    );
  }

  const rows = [
    { label: "Organisation", value: invitation.organisationName },
    { label: "Your role", value: invitation.roleLabel },
    // The form below shows the address in a read-only field; the other states show it here.
    ...(invitation.status === "pending" ? [] : [{ label: "E-mail", value: invitation.email }]),
  ];
  const details = (
    <dl className="grid gap-2.5 rounded-lg border border-border bg-muted/40 p-4 text-sm">
      {rows.map((row) => (
        <div key={row.label} className="grid gap-0.5 sm:grid-cols-[7rem_1fr] sm:gap-3">
          <dt className="text-muted-foreground">{row.label}</dt>
          <dd className="min-w-0 font-medium break-words">{row.value}</dd>
        </div>
      ))}
    </dl>
  );

  if (invitation.status !== "pending") {
    const copy = {
      accepted: {
        title: "This invitation has already been accepted",
        icon: CircleCheck,
        tone: "info" as const,
        body: "The account for this e-mail address exists. Sign in with it.",
      },
      expired: {
        title: "This invitation has expired",
        icon: Clock,
        tone: "warning" as const,
        body: "Invitations are valid for 7 days. Ask the person who invited you to send a new one.",
      },
      revoked: {
        title: "This invitation was withdrawn",
        icon: Mail,
        tone: "warning" as const,
        body: "It can no longer be used. If you still need access, ask the person who invited you.",
      },
    }[invitation.status];
    return (
      <AuthCard title={copy.title}>
        <div className="grid gap-5">
          {details}
          <Alert tone={copy.tone} icon={copy.icon}>
            {copy.body}
          </Alert>
          {invitation.status === "accepted" ? (
            <Button asChild className="w-full">
              <Link href="/sign-in">Sign in</Link>
            </Button>
          ) : null}
        </div>
      </AuthCard>
    );
  }

  const info = await getSessionInfo();
  return (
    <AuthCard
      title={`Join ${invitation.organisationName}`}
      description="You have been invited to Watchkeeper. Choose your name and a password to create your account."
    >
      <div className="grid gap-5">
        {details}
        {info ? (
          <Alert tone="info" title={`You are signed in as ${info.user.email}`}>
            Creating this account will sign you in as {invitation.email} instead.
          </Alert>
        ) : null}
        <AcceptInvitationForm token={token} email={invitation.email} defaultName={invitation.name ?? ""} />
      </div>
    </AuthCard>
  );
}
