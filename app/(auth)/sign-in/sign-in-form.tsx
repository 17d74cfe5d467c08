"use client";

import { type FormEvent, useRef, useState } from "react";
import { Alert } from "@/app/_components/ui/alert";
import { Button } from "@/app/_components/ui/button";
import { Field } from "@/app/_components/ui/field";
import { Input } from "@/app/_components/ui/input";
import Link from "@/app/_components/ui/link";
import { authClient } from "@/app/_lib/auth-client";
import { authLinkClass } from "../_components/auth-card";
import { describeAuthError, NETWORK_ERROR, NEXT_STORAGE_KEY } from "../_lib/auth-errors";

export function SignInForm({
  next,
  noMembership,
  signedInEmail,
}: {
  next: string;
  noMembership: boolean;
  signedInEmail: string | null;
}) {
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [fieldErrors, setFieldErrors] = useState<{ email?: string; password?: string }>({});
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [signingOut, setSigningOut] = useState(false);
  const passwordRef = useRef<HTMLInputElement>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(null);
    const trimmed = email.trim();
    const errors: typeof fieldErrors = {};
    if (!trimmed) errors.email = "Enter your e-mail address.";
    else if (!/^[^\s@]+@[^\s@]+$/.test(trimmed)) errors.email = "Enter a valid e-mail address.";
    if (!password) errors.password = "Enter your password.";
    setFieldErrors(errors);
    if (errors.email || errors.password) return;

    setPending(true);
    try {
      try {
        window.sessionStorage.setItem(NEXT_STORAGE_KEY, next);
      } catch {
        // Storage unavailable: the two-factor page falls back to the start page.
      }
      const { data, error: authError } = await authClient.signIn.email({ email: trimmed, password });
      if (authError) {
        setError(describeAuthError(authError));
        setPending(false);
        setPassword("");
        passwordRef.current?.focus();
        return;
      }
      // Accounts with two-factor: the auth client is already on its way to /two-factor.
      if (data && "twoFactorRedirect" in data && data.twoFactorRedirect) return;
      window.location.assign(next);
    } catch {
      setError(NETWORK_ERROR);
      setPending(false);
    }
  }

  async function signOut() {
    setSigningOut(true);
    try {
      await authClient.signOut();
    } finally {
      window.location.assign("/sign-in");
    }
  }

  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-5">
      {noMembership ? (
        <Alert
          tone="warning"
          title="Your account is not attached to an organisation"
          action={
            signedInEmail ? (
              <Button size="sm" variant="outline" onClick={signOut} loading={signingOut}>
                Sign out
              </Button>
            ) : undefined
          }
        >
          {signedInEmail
            ? `You are signed in as ${signedInEmail}, but that account does not belong to any organisation.`
            : "The account you signed in with does not belong to any organisation."}{" "}
          Ask your administrator to invite you again, or sign in with another account.
        </Alert>
      ) : null}
      {error ? (
        <Alert tone="danger" title="Sign-in failed">
          {error}
        </Alert>
      ) : null}
      <Field label="E-mail address" error={fieldErrors.email}>
        <Input
          type="email"
          name="email"
          autoComplete="username"
          inputMode="email"
          autoCapitalize="none"
          spellCheck={false}
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          autoFocus
        />
      </Field>
      <div className="grid gap-1.5">
        <Field label="Password" error={fieldErrors.password}>
          <Input
            ref={passwordRef}
            type="password"
            name="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </Field>
        <Link href="/forgot-password" className={`justify-self-start text-sm ${authLinkClass}`}>
          Forgot your password?
        </Link>
      </div>
      <Button type="submit" loading={pending} className="w-full">
        Sign in
      </Button>
      <p className="text-center text-xs text-muted-foreground">
        New here? Accounts are created from an invitation e-mail. Ask your organisation&apos;s administrator.
      </p>
    </form>
  );
}
