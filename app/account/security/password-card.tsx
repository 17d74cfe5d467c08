"use client";

import { useQueryClient } from "@tanstack/react-query";
import { CircleCheck } from "lucide-react";
import { type FormEvent, useState } from "react";
import { Alert } from "@/app/_components/ui/alert";
import { Button } from "@/app/_components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/app/_components/ui/card";
import { Checkbox } from "@/app/_components/ui/checkbox";
import { Field } from "@/app/_components/ui/field";
import { Input } from "@/app/_components/ui/input";
import { authClient } from "@/app/_lib/auth-client";
import { checkNewPassword, describeAuthError, NETWORK_ERROR, PASSWORD_MAX } from "@/app/(auth)/_lib/auth-errors";
import { SESSIONS_KEY } from "./sessions-key";

type PasswordErrors = { current?: string; password?: string; confirm?: string };

export function PasswordCard({ email }: { email: string }) {
  const queryClient = useQueryClient();
  const [current, setCurrent] = useState("");
  const [password, setPassword] = useState("");
  const [confirm, setConfirm] = useState("");
  const [revokeOthers, setRevokeOthers] = useState(true);
  const [errors, setErrors] = useState<PasswordErrors>({});
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(null);
    setDone(null);
    const next: PasswordErrors = { ...checkNewPassword(password, confirm) };
    if (!current) next.current = "Enter your current password.";
    else if (password && password === current) next.password = "Choose a password different from the current one.";
    setErrors(next);
    if (next.current || next.password || next.confirm) return;
    setPending(true);
    try {
      const { error: authError } = await authClient.changePassword({
        currentPassword: current,
        newPassword: password,
        revokeOtherSessions: revokeOthers,
      });
      if (authError) {
        if (authError.code === "INVALID_PASSWORD") setErrors({ current: "That password is not correct." });
        else if (authError.code === "PASSWORD_TOO_SHORT" || authError.code === "PASSWORD_TOO_LONG")
          setErrors({ password: describeAuthError(authError) });
        else setError(describeAuthError(authError));
        return;
      }
      setCurrent("");
      setPassword("");
      setConfirm("");
      setDone(revokeOthers ? "Password changed. Your other devices have been signed out." : "Password changed.");
      void queryClient.invalidateQueries({ queryKey: SESSIONS_KEY });
    } catch {
      setError(NETWORK_ERROR);
    } finally {
      setPending(false);
    }
  }

  return (
    <Card>
      <CardHeader>
        <CardTitle>Password</CardTitle>
        <CardDescription>Use at least 10 characters, and a password you do not use anywhere else.</CardDescription>
      </CardHeader>
      <CardContent>
        <form onSubmit={onSubmit} noValidate className="grid max-w-md gap-4">
          {/* Lets password managers file the new password under the right account. */}
          <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
          {done ? (
            <Alert tone="success" icon={CircleCheck}>
              {done}
            </Alert>
          ) : null}
          {error ? <Alert tone="danger">{error}</Alert> : null}
          <Field label="Current password" error={errors.current}>
            <Input
              type="password"
              name="current-password"
              autoComplete="current-password"
              value={current}
              onChange={(e) => setCurrent(e.target.value)}
            />
          </Field>
          <Field label="New password" hint="At least 10 characters." error={errors.password}>
            <Input
              type="password"
              name="new-password"
              autoComplete="new-password"
              maxLength={PASSWORD_MAX}
              value={password}
              onChange={(e) => setPassword(e.target.value)}
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
          <Checkbox
            label="Sign out of my other devices"
            description="Recommended if you think someone else knows your password."
            checked={revokeOthers}
            onChange={(e) => setRevokeOthers(e.target.checked)}
          />
          <div>
            <Button type="submit" loading={pending}>
              Change password
            </Button>
          </div>
        </form>
      </CardContent>
    </Card>
  );
}
