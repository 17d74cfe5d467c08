"use client";

import { CircleCheck } from "lucide-react";
import { type FormEvent, useState } from "react";
import { Alert } from "@/app/_components/ui/alert";
import { Button } from "@/app/_components/ui/button";
import { Field } from "@/app/_components/ui/field";
import { Input } from "@/app/_components/ui/input";
import Link from "@/app/_components/ui/link";
import { authClient } from "@/app/_lib/auth-client";
import { checkNewPassword, describeAuthError, NETWORK_ERROR, PASSWORD_MAX } from "../_lib/auth-errors";

export function ResetPasswordForm({ token }: { token: string }) {
  const [password, setPassword] = useState("");
  const [confirm, setConfirm] = useState("");
  const [errors, setErrors] = useState<{ password?: string; confirm?: string }>({});
  const [error, setError] = useState<{ message: string; expired: boolean } | null>(null);
  const [done, setDone] = useState(false);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(null);
    const next = checkNewPassword(password, confirm);
    setErrors(next);
    if (next.password || next.confirm) return;
    setPending(true);
    try {
      const { error: authError } = await authClient.resetPassword({ newPassword: password, token });
      if (authError) {
        if (authError.code === "PASSWORD_TOO_SHORT" || authError.code === "PASSWORD_TOO_LONG") {
          setErrors({ password: describeAuthError(authError) });
        } else {
          setError({ message: describeAuthError(authError), expired: authError.code === "INVALID_TOKEN" });
        }
        return;
      }
      setDone(true);
    } catch {
      setError({ message: NETWORK_ERROR, expired: false });
    } finally {
      setPending(false);
    }
  }

  if (done) {
    return (
      <div className="grid gap-5">
        <Alert tone="success" icon={CircleCheck} title="Your password has been changed">
          For your safety, every device that was signed in to your account has been signed out. Sign in with your new
          password.
        </Alert>
        <Button asChild className="w-full">
          <Link href="/sign-in">Sign in</Link>
        </Button>
      </div>
    );
  }

  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-5">
      {error ? (
        <Alert tone="danger" title="The password was not changed">
          {error.message}
          {error.expired ? (
            <>
              {" "}
              <Link href="/forgot-password">Ask for a new link</Link>
            </>
          ) : null}
        </Alert>
      ) : null}
      <Field label="New password" hint="At least 10 characters." error={errors.password}>
        <Input
          type="password"
          name="new-password"
          autoComplete="new-password"
          maxLength={PASSWORD_MAX}
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          autoFocus
        />
      </Field>
      <Field label="New password again" error={errors.confirm}>
        <Input
          type="password"
          name="confirm-password"
          autoComplete="new-password"
          maxLength={PASSWORD_MAX}
          value={confirm}
          onChange={(e) => setConfirm(e.target.value)}
        />
      </Field>
      <Button type="submit" loading={pending} className="w-full">
        Save new password
      </Button>
    </form>
  );
}
