"use client";

import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { Alert } from "@/app/_components/ui/alert";
import { Button } from "@/app/_components/ui/button";
import { Field } from "@/app/_components/ui/field";
import { Input } from "@/app/_components/ui/input";
import Link from "@/app/_components/ui/link";
import { authClient } from "@/app/_lib/auth-client";
import { useTRPC } from "@/app/_lib/trpc/client";
import { checkNewPassword, describeAuthError, NETWORK_ERROR, PASSWORD_MAX } from "../../_lib/auth-errors";

type Errors = { name?: string; password?: string; confirm?: string };

export function AcceptInvitationForm({
  token,
  email,
  defaultName,
}: {
  token: string;
  email: string;
  defaultName: string;
}) {
  const trpc = useTRPC();
  const accept = useMutation(trpc.invitations.accept.mutationOptions());
  const [name, setName] = useState(defaultName);
  const [password, setPassword] = useState("");
  const [confirm, setConfirm] = useState("");
  const [errors, setErrors] = useState<Errors>({});
  const [error, setError] = useState<{ message: string; signIn: boolean } | null>(null);
  const [signingIn, setSigningIn] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(null);
    const next: Errors = { ...checkNewPassword(password, confirm) };
    if (!name.trim()) next.name = "Enter your name.";
    else if (name.trim().length > 120) next.name = "Use at most 120 characters.";
    setErrors(next);
    if (next.name || next.password || next.confirm) return;

    try {
      await accept.mutateAsync({ token, name: name.trim(), password });
    } catch (e) {
      const err = e as {
        message?: string;
        data?: { code?: string; zodError?: { fieldErrors?: Record<string, string[] | undefined> } | null } | null;
      };
      const fields = err.data?.zodError?.fieldErrors;
      if (fields && (fields.name || fields.password)) {
        setErrors({ name: fields.name?.[0], password: fields.password?.[0] });
        return;
      }
      if (!err.data) {
        setError({ message: NETWORK_ERROR, signIn: false });
        return;
      }
      const message = err.message ?? "The account could not be created. Try again.";
      setError({ message, signIn: /sign in/i.test(message) });
      return;
    }

    // The account exists now: sign in with the password just chosen.
    setSigningIn(true);
    try {
      const { error: authError } = await authClient.signIn.email({ email, password });
      if (authError) {
        setSigningIn(false);
        setError({
          message: `Your account was created, but signing in did not work: ${describeAuthError(authError)}`,
          signIn: true,
        });
        return;
      }
      window.location.assign("/");
    } catch {
      setSigningIn(false);
      setError({ message: "Your account was created. Sign in to continue.", signIn: true });
    }
  }

  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-5">
      {error ? (
        <Alert tone="danger" title="Could not finish">
          {error.message}
          {error.signIn ? (
            <>
              {" "}
              <Link href="/sign-in">Go to sign in</Link>
            </>
          ) : null}
        </Alert>
      ) : null}
      <Field label="E-mail address" hint="This is the address the invitation was sent to.">
        <Input type="email" name="email" autoComplete="username" value={email} readOnly />
      </Field>
      <Field label="Your name" error={errors.name} required>
        <Input name="name" autoComplete="name" maxLength={120} value={name} onChange={(e) => setName(e.target.value)} />
      </Field>
      <Field label="Password" hint="At least 10 characters." error={errors.password} required>
        <Input
          type="password"
          name="new-password"
          autoComplete="new-password"
          maxLength={PASSWORD_MAX}
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
      </Field>
      <Field label="Password again" error={errors.confirm} required>
        <Input
          type="password"
          name="confirm-password"
          autoComplete="new-password"
          maxLength={PASSWORD_MAX}
          value={confirm}
          onChange={(e) => setConfirm(e.target.value)}
        />
      </Field>
      <Button type="submit" loading={accept.isPending || signingIn} className="w-full">
        {signingIn ? "Signing you in…" : "Create account and sign in"}
      </Button>
    </form>
  );
}
