"use client";

import { MailCheck } from "lucide-react";
import { type FormEvent, useState } from "react";
import { Alert } from "@/app/_components/ui/alert";
import { Button } from "@/app/_components/ui/button";
import { Field } from "@/app/_components/ui/field";
import { Input } from "@/app/_components/ui/input";
import Link from "@/app/_components/ui/link";
import { authClient } from "@/app/_lib/auth-client";
import { authLinkClass } from "../_components/auth-card";
import { NETWORK_ERROR } from "../_lib/auth-errors";

export function ForgotPasswordForm() {
  const [email, setEmail] = useState("");
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(null);
    const value = email.trim();
    if (!/^[^\s@]+@[^\s@]+$/.test(value)) {
      setFieldError(value ? "Enter a valid e-mail address." : "Enter your e-mail address.");
      return;
    }
    setFieldError(null);
    setPending(true);
    try {
      const { error: authError } = await authClient.requestPasswordReset({
        email: value,
        redirectTo: "/reset-password",
      });
      // Only throttling and outages are reported: whether an account exists is never revealed.
      if (authError?.status === 429) setError("Too many requests. Wait a few minutes, then try again.");
      else if (authError && authError.status >= 500)
        setError("The server could not send the e-mail just now. Try again in a moment.");
      else setSentTo(value);
    } catch {
      setError(NETWORK_ERROR);
    } finally {
      setPending(false);
    }
  }

  if (sentTo) {
    return (
      <div className="grid gap-5">
        <Alert tone="success" icon={MailCheck} title="Check your inbox">
          If an account exists for <span className="font-medium text-foreground">{sentTo}</span>, we have sent it a link
          to reset the password. The link works for 60 minutes. Nothing there after a few minutes? Check your spam
          folder, or ask again.
        </Alert>
        <div className="flex flex-wrap items-center justify-between gap-3 text-sm">
          <Button variant="link" onClick={() => setSentTo(null)}>
            Use a different address
          </Button>
          <Link href="/sign-in" className={authLinkClass}>
            Back to sign in
          </Link>
        </div>
      </div>
    );
  }

  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-5">
      {error ? <Alert tone="danger">{error}</Alert> : null}
      <Field label="E-mail address" error={fieldError}>
        <Input
          type="email"
          name="email"
          autoComplete="email"
          inputMode="email"
          autoCapitalize="none"
          spellCheck={false}
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          autoFocus
        />
      </Field>
      <Button type="submit" loading={pending} className="w-full">
        Send reset link
      </Button>
      <Link href="/sign-in" className={`justify-self-center text-sm ${authLinkClass}`}>
        Back to sign in
      </Link>
    </form>
  );
}
