"use client";

import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { FormDialogFooter } from "@/app/_components/team/form-dialog-footer";
import { Alert } from "@/app/_components/ui/alert";
import { Dialog, DialogContent } from "@/app/_components/ui/dialog";
import { Field } from "@/app/_components/ui/field";
import { Input } from "@/app/_components/ui/input";
import { useTRPC } from "@/app/_lib/trpc/client";
import { CUSTOMER_ROLE_OPTIONS, type CustomerRole, trpcErrorInfo } from "../_lib/labels";

type InviteErrors = { email?: string; name?: string; role?: string };

/** Invites one person by e-mail as admin or viewer; reports the address it was sent to. */
export function InviteDialog({
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
          <FormDialogFooter pending={invite.isPending} submitLabel="Send invitation" />
        </form>
      </DialogContent>
    </Dialog>
  );
}
