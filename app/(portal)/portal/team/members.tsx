"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { CircleCheck, Ellipsis, MailPlus, ShieldCheck, UserMinus, UserPlus, Users } from "lucide-react";
import { type FormEvent, useState } from "react";
import { Alert, type AlertTone } from "@/app/_components/ui/alert";
import { Badge } from "@/app/_components/ui/badge";
import { Button } from "@/app/_components/ui/button";
import { Card, CardContent } from "@/app/_components/ui/card";
import { Dialog, DialogClose, DialogContent, DialogFooter } from "@/app/_components/ui/dialog";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/app/_components/ui/dropdown-menu";
import { Field } from "@/app/_components/ui/field";
import { Input } from "@/app/_components/ui/input";
import { EmptyState, ErrorState, LoadingState } from "@/app/_components/ui/states";
import { formatDate, initials } from "@/app/_lib/format";
import { useTRPC } from "@/app/_lib/trpc/client";
import { SectionHeader } from "../_components/section-header";
import { CUSTOMER_ROLE_LABELS, CUSTOMER_ROLE_OPTIONS, type CustomerRole, trpcErrorInfo } from "../_lib/labels";
import { ConfirmDialog } from "./confirm-dialog";

type Notice = { tone: AlertTone; text: string } | null;
type Member = { userId: string; name: string; email: string; role: string };
type Invitation = { id: string; email: string; name: string | null };

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
  const queryClient = useQueryClient();
  const team = useQuery(trpc.team.list.queryOptions());
  const [notice, setNotice] = useState<Notice>(null);
  const [inviteOpen, setInviteOpen] = useState(false);
  const [removing, setRemoving] = useState<Member | null>(null);
  const [revoking, setRevoking] = useState<Invitation | null>(null);
  const [confirmError, setConfirmError] = useState<string | null>(null);

  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.team.list.queryKey() });

  const changeRole = useMutation(
    trpc.team.changeRole.mutationOptions({
      onSuccess: (_data, vars) => {
        queryClient.setQueryData(trpc.team.list.queryKey(), (old) =>
          old
            ? { ...old, members: old.members.map((m) => (m.userId === vars.userId ? { ...m, role: vars.role } : m)) }
            : old,
        );
        const who = team.data?.members.find((m) => m.userId === vars.userId);
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
        setNotice({ tone: "success", text: `${removing?.name ?? "The user"} was removed and can no longer sign in.` });
        setRemoving(null);
      },
      onError: (e) => setConfirmError(trpcErrorInfo(e).message),
      onSettled: refresh,
    }),
  );
  const revoke = useMutation(
    trpc.team.revokeInvitation.mutationOptions({
      onSuccess: (_data, vars) => {
        queryClient.setQueryData(trpc.team.list.queryKey(), (old) =>
          old ? { ...old, pending: old.pending.filter((p) => p.id !== vars.invitationId) } : old,
        );
        setNotice({ tone: "success", text: `The invitation to ${revoking?.email ?? "that address"} was withdrawn.` });
        setRevoking(null);
      },
      onError: (e) => setConfirmError(trpcErrorInfo(e).message),
      onSettled: refresh,
    }),
  );

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
        {notice ? (
          <Alert
            tone={notice.tone}
            icon={notice.tone === "success" ? CircleCheck : undefined}
            action={
              <Button variant="ghost" size="sm" onClick={() => setNotice(null)}>
                Dismiss
              </Button>
            }
          >
            <span aria-live="polite">{notice.text}</span>
          </Alert>
        ) : null}

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
            {members.map((m) => {
              const isSelf = m.userId === currentUserId;
              const nextRole: CustomerRole = m.role === "admin" ? "viewer" : "admin";
              return (
                <li key={m.userId} className="flex items-center gap-3 px-4 py-3">
                  <span
                    aria-hidden="true"
                    className="hidden size-8 shrink-0 items-center justify-center rounded-full bg-muted text-xs font-semibold text-muted-foreground sm:flex"
                  >
                    {initials(m.name)}
                  </span>
                  <div className="grid min-w-0 flex-1 gap-1">
                    <p className="flex min-w-0 flex-wrap items-center gap-x-2 gap-y-1 text-sm font-medium">
                      <span className="min-w-0 truncate">{m.name}</span>
                      {isSelf ? <Badge tone="primary">You</Badge> : null}
                    </p>
                    <p className="truncate text-xs text-muted-foreground">{m.email}</p>
                    <div className="flex flex-wrap items-center gap-1.5 sm:hidden">
                      <RoleBadge role={m.role} />
                      <TwoFactorBadge on={m.twoFactorEnabled} />
                    </div>
                  </div>
                  <div className="hidden shrink-0 items-center gap-2 sm:flex">
                    <TwoFactorBadge on={m.twoFactorEnabled} />
                    <RoleBadge role={m.role} />
                    <span className="w-32 text-right text-xs whitespace-nowrap text-muted-foreground">
                      Joined {formatDate(m.joinedAt, timeZone)}
                    </span>
                  </div>
                  {canManage ? (
                    isSelf ? (
                      <span className="size-8 shrink-0" />
                    ) : (
                      <DropdownMenu modal={false}>
                        <DropdownMenuTrigger asChild>
                          <Button
                            variant="ghost"
                            size="icon-sm"
                            aria-label={`Actions for ${m.name}`}
                            loading={changeRole.isPending && changeRole.variables?.userId === m.userId}
                          >
                            <Ellipsis aria-hidden="true" />
                          </Button>
                        </DropdownMenuTrigger>
                        <DropdownMenuContent>
                          <DropdownMenuLabel className="truncate">{m.name}</DropdownMenuLabel>
                          <DropdownMenuItem
                            onSelect={() => {
                              setNotice(null);
                              changeRole.mutate({ userId: m.userId, role: nextRole });
                            }}
                          >
                            <ShieldCheck aria-hidden="true" />
                            {nextRole === "admin" ? "Make admin" : "Make viewer"}
                          </DropdownMenuItem>
                          <DropdownMenuSeparator />
                          <DropdownMenuItem
                            destructive
                            onSelect={() => {
                              setConfirmError(null);
                              setRemoving(m);
                            }}
                          >
                            <UserMinus aria-hidden="true" />
                            Remove…
                          </DropdownMenuItem>
                        </DropdownMenuContent>
                      </DropdownMenu>
                    )
                  ) : null}
                </li>
              );
            })}
          </ul>
        )}

        {team.data && pending.length > 0 ? (
          <section aria-labelledby="pending-invitations" className="grid gap-2">
            <h3 id="pending-invitations" className="text-sm font-semibold">
              Open invitations
            </h3>
            <ul className="divide-y divide-border rounded-lg border border-dashed border-border">
              {pending.map((inv) => (
                <li key={inv.id} className="flex items-start gap-3 px-4 py-3 sm:items-center">
                  <MailPlus
                    aria-hidden="true"
                    className="mt-0.5 hidden size-4 shrink-0 text-muted-foreground sm:block"
                  />
                  <div className="grid min-w-0 flex-1 gap-0.5">
                    <p className="truncate text-sm font-medium">{inv.name ?? inv.email}</p>
                    {inv.name ? <p className="truncate text-xs text-muted-foreground">{inv.email}</p> : null}
                    <p className="text-xs text-muted-foreground">
                      Sent {formatDate(inv.createdAt, timeZone)} · valid until {formatDate(inv.expiresAt, timeZone)}
                    </p>
                  </div>
                  <div className="flex shrink-0 flex-col items-end gap-1 sm:flex-row sm:items-center sm:gap-2">
                    <RoleBadge role={inv.role} />
                    {canInvite ? (
                      <Button
                        variant="ghost"
                        size="sm"
                        className="-mr-2 sm:mr-0"
                        onClick={() => {
                          setConfirmError(null);
                          setRevoking(inv);
                        }}
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
        open={removing !== null}
        onOpenChange={(open) => (open ? undefined : setRemoving(null))}
        title={`Remove ${removing?.name ?? "this user"}?`}
        description={`${removing?.email ?? "They"} will be signed out and can no longer use the portal. To give them access again, send a new invitation.`}
        confirmLabel="Remove user"
        pending={remove.isPending}
        error={confirmError}
        onConfirm={() => removing && remove.mutate({ userId: removing.userId })}
      />
      <ConfirmDialog
        open={revoking !== null}
        onOpenChange={(open) => (open ? undefined : setRevoking(null))}
        title="Withdraw this invitation?"
        description={`The link sent to ${revoking?.email ?? "this address"} will stop working. You can invite them again later.`}
        confirmLabel="Withdraw invitation"
        pending={revoke.isPending}
        error={confirmError}
        onConfirm={() => revoking && revoke.mutate({ invitationId: revoking.id })}
      />
    </Card>
  );
}

function RoleBadge({ role }: { role: string }) {
  return <Badge tone={role === "admin" ? "info" : "neutral"}>{CUSTOMER_ROLE_LABELS[role] ?? role}</Badge>;
}

function TwoFactorBadge({ on }: { on: boolean | null }) {
  return on === true ? (
    <Badge tone="success" title="Uses two-factor authentication">
      2FA on
    </Badge>
  ) : (
    <Badge tone="neutral" title="Signs in with a password only">
      2FA off
    </Badge>
  );
}

type InviteErrors = { email?: string; name?: string; role?: string };

function InviteDialog({
  open,
  onOpenChange,
  onInvited,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onInvited: (email: string) => void;
}) {
  const trpc = useTRPC();
  const invite = useMutation(trpc.team.invite.mutationOptions());
  const [email, setEmail] = useState("");
  const [name, setName] = useState("");
  const [role, setRole] = useState<CustomerRole>("viewer");
  const [errors, setErrors] = useState<InviteErrors>({});
  const [error, setError] = useState<string | null>(null);

  function reset() {
    setEmail("");
    setName("");
    setRole("viewer");
    setErrors({});
    setError(null);
    invite.reset();
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(null);
    const value = email.trim();
    const next: InviteErrors = {};
    if (!value) next.email = "Enter the person's e-mail address.";
    else if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value)) next.email = "Enter a valid e-mail address.";
    if (name.trim().length > 120) next.name = "Use at most 120 characters.";
    setErrors(next);
    if (next.email || next.name) return;
    try {
      const result = await invite.mutateAsync({ email: value, name: name.trim() || undefined, role });
      onOpenChange(false);
      reset();
      onInvited(result.email);
    } catch (e) {
      const info = trpcErrorInfo(e);
      const fieldErrors: InviteErrors = {
        email: info.fieldErrors.email ?? (info.path === "email" ? info.message : undefined),
        name: info.fieldErrors.name,
        role: info.fieldErrors.role,
      };
      if (fieldErrors.email || fieldErrors.name || fieldErrors.role) setErrors(fieldErrors);
      else setError(info.message);
    }
  }

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        if (invite.isPending) return;
        onOpenChange(next);
        if (!next) reset();
      }}
    >
      <DialogContent
        title="Invite a user"
        description="They get an e-mail with a link to create their account. The link is valid for 7 days."
      >
        <form onSubmit={onSubmit} noValidate className="grid gap-4">
          {error ? <Alert tone="danger">{error}</Alert> : null}
          <Field label="E-mail address" error={errors.email} required>
            <Input
              type="email"
              name="email"
              autoComplete="off"
              inputMode="email"
              autoCapitalize="none"
              spellCheck={false}
              maxLength={254}
              value={email}
              onChange={(e) => setEmail(e.target.value)}
              autoFocus
            />
          </Field>
          <Field label="Name" hint="Optional. They can change it when they accept." error={errors.name}>
            <Input
              name="name"
              autoComplete="off"
              maxLength={120}
              value={name}
              onChange={(e) => setName(e.target.value)}
            />
          </Field>
          <fieldset className="grid gap-2">
            <legend className="mb-1.5 text-sm font-medium leading-none">Role</legend>
            {CUSTOMER_ROLE_OPTIONS.map((option) => (
              <label
                key={option.value}
                className="flex cursor-pointer items-start gap-3 rounded-lg border border-border p-3 has-checked:border-primary has-checked:bg-primary/5 has-focus-visible:outline-2 has-focus-visible:outline-ring"
              >
                <input
                  type="radio"
                  name="role"
                  value={option.value}
                  checked={role === option.value}
                  onChange={() => setRole(option.value)}
                  className="mt-0.5 size-4 shrink-0 accent-primary"
                />
                <span className="grid gap-0.5">
                  <span className="text-sm font-medium">{option.label}</span>
                  <span className="text-xs text-muted-foreground">{option.description}</span>
                </span>
              </label>
            ))}
            {errors.role ? (
              <p role="alert" className="text-xs font-medium text-destructive">
                {errors.role}
              </p>
            ) : null}
          </fieldset>
          <DialogFooter>
            <DialogClose asChild>
              <Button variant="outline" disabled={invite.isPending}>
                Cancel
              </Button>
            </DialogClose>
            <Button type="submit" loading={invite.isPending}>
              Send invitation
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
