"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { CircleCheck, KeyRound, Laptop, ShieldCheck, ShieldOff, Smartphone } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { Alert } from "@/app/_components/ui/alert";
import { Badge } from "@/app/_components/ui/badge";
import { Button } from "@/app/_components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/app/_components/ui/card";
import { Checkbox } from "@/app/_components/ui/checkbox";
import { Dialog, DialogClose, DialogContent, DialogFooter } from "@/app/_components/ui/dialog";
import { Field } from "@/app/_components/ui/field";
import { Input } from "@/app/_components/ui/input";
import { ErrorState, LoadingState } from "@/app/_components/ui/states";
import { authClient } from "@/app/_lib/auth-client";
import { formatDateTime, formatRelative } from "@/app/_lib/format";
import { BackupCodes } from "@/app/(auth)/_components/backup-codes";
import { checkNewPassword, describeAuthError, NETWORK_ERROR, PASSWORD_MAX } from "@/app/(auth)/_lib/auth-errors";
import { SectionHeader } from "@/app/(portal)/portal/_components/section-header";

/* ---------------------------------------------------------------- two-factor */

export function TwoFactorCard({
  enabled,
  email,
  staffMustUse2fa,
}: {
  enabled: boolean;
  email: string;
  staffMustUse2fa: boolean;
}) {
  return (
    <Card>
      <CardHeader
        actions={
          enabled ? (
            <Badge tone="success">
              <ShieldCheck aria-hidden="true" />
              On
            </Badge>
          ) : (
            <Badge tone="warning">
              <ShieldOff aria-hidden="true" />
              Off
            </Badge>
          )
        }
      >
        <CardTitle>Two-factor authentication</CardTitle>
        <CardDescription>
          {enabled
            ? "When you sign in, you enter a code from your authenticator app after your password."
            : "Add a second step to signing in: a code from an authenticator app on your phone. Strongly recommended."}
        </CardDescription>
      </CardHeader>
      <CardContent>
        {enabled ? (
          <div className="flex flex-wrap gap-2">
            <BackupCodesDialog email={email} />
            <DisableTwoFactorDialog staffMustUse2fa={staffMustUse2fa} />
          </div>
        ) : (
          <Button asChild>
            <Link href="/two-factor/setup">
              <ShieldCheck aria-hidden="true" />
              Set up two-factor
            </Link>
          </Button>
        )}
      </CardContent>
    </Card>
  );
}

function PasswordConfirm({
  value,
  onChange,
  error,
}: {
  value: string;
  onChange: (v: string) => void;
  error: string | null;
}) {
  return (
    <Field label="Your password" error={error}>
      <Input
        type="password"
        name="password"
        autoComplete="current-password"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        autoFocus
      />
    </Field>
  );
}

function DisableTwoFactorDialog({ staffMustUse2fa }: { staffMustUse2fa: boolean }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  function onOpenChange(next: boolean) {
    setOpen(next);
    if (!next) {
      setPassword("");
      setError(null);
    }
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!password) return setError("Enter your password.");
    setPending(true);
    setError(null);
    try {
      const { error: authError } = await authClient.twoFactor.disable({ password });
      if (authError) {
        setError(describeAuthError(authError));
        setPending(false);
        return;
      }
      setOpen(false);
      setPending(false);
      router.refresh();
    } catch {
      setError(NETWORK_ERROR);
      setPending(false);
    }
  }

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <Button variant="outline" onClick={() => setOpen(true)}>
        <ShieldOff aria-hidden="true" />
        Turn off
      </Button>
      <DialogContent
        title="Turn off two-factor authentication?"
        description="Your account will be protected by your password only. Your backup codes stop working."
      >
        <form onSubmit={onSubmit} noValidate className="grid gap-4">
          {staffMustUse2fa ? (
            <Alert tone="warning" title="Staff accounts need two-factor">
              You will be asked to set it up again before you can use the console.
            </Alert>
          ) : null}
          <PasswordConfirm value={password} onChange={setPassword} error={error} />
          <DialogFooter>
            <DialogClose asChild>
              <Button variant="outline">Cancel</Button>
            </DialogClose>
            <Button type="submit" variant="destructive" loading={pending}>
              Turn off two-factor
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}

function BackupCodesDialog({ email }: { email: string }) {
  const [open, setOpen] = useState(false);
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [codes, setCodes] = useState<string[] | null>(null);

  function onOpenChange(next: boolean) {
    setOpen(next);
    if (!next) {
      setPassword("");
      setError(null);
      setCodes(null);
    }
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!password) return setError("Enter your password.");
    setPending(true);
    setError(null);
    try {
      const { data, error: authError } = await authClient.twoFactor.generateBackupCodes({ password });
      if (authError) setError(describeAuthError(authError));
      else setCodes(data?.backupCodes ?? []);
    } catch {
      setError(NETWORK_ERROR);
    } finally {
      setPending(false);
    }
  }

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <Button variant="outline" onClick={() => setOpen(true)}>
        <KeyRound aria-hidden="true" />
        New backup codes
      </Button>
      <DialogContent
        title={codes ? "Your new backup codes" : "Create new backup codes?"}
        description={
          codes
            ? "Save them now: they are shown only once. Your old codes no longer work."
            : "Your current backup codes will stop working and you get ten new ones."
        }
      >
        {codes ? (
          <div className="grid gap-4">
            <BackupCodes codes={codes} email={email} />
            <DialogFooter>
              <DialogClose asChild>
                <Button>I have saved them</Button>
              </DialogClose>
            </DialogFooter>
          </div>
        ) : (
          <form onSubmit={onSubmit} noValidate className="grid gap-4">
            <PasswordConfirm value={password} onChange={setPassword} error={error} />
            <DialogFooter>
              <DialogClose asChild>
                <Button variant="outline">Cancel</Button>
              </DialogClose>
              <Button type="submit" loading={pending}>
                Create new codes
              </Button>
            </DialogFooter>
          </form>
        )}
      </DialogContent>
    </Dialog>
  );
}

/* ---------------------------------------------------------------- password */

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

/* ---------------------------------------------------------------- sessions */

const SESSIONS_KEY = ["auth", "sessions"] as const;

type SessionRow = {
  id: string;
  userAgent?: string | null;
  ipAddress?: string | null;
  createdAt: Date | string;
  updatedAt: Date | string;
};

/** "Chrome on Windows" from a user-agent string; good enough to recognise one's own devices. */
function describeAgent(ua: string | null | undefined): { label: string; mobile: boolean } {
  if (!ua) return { label: "Unknown browser", mobile: false };
  const browser = /Edg\//.test(ua)
    ? "Edge"
    : /Firefox\//.test(ua)
      ? "Firefox"
      : /(Chrome|Chromium|CriOS)\//.test(ua)
        ? "Chrome"
        : /Safari\//.test(ua)
          ? "Safari"
          : /curl|node|undici/i.test(ua)
            ? "Script or tool"
            : "Browser";
  const os = /iPhone|iPad|iPod/.test(ua)
    ? "iOS"
    : /Android/.test(ua)
      ? "Android"
      : /Windows/.test(ua)
        ? "Windows"
        : /Mac OS X|Macintosh/.test(ua)
          ? "macOS"
          : /Linux|X11/.test(ua)
            ? "Linux"
            : null;
  return { label: os ? `${browser} on ${os}` : browser, mobile: /Mobile|iPhone|Android/.test(ua) };
}

/** Loopback and unset addresses say nothing useful. */
function knownIp(ip: string | null | undefined): ip is string {
  return Boolean(ip) && !/^[0:.]*$/.test(ip ?? "") && ip !== "::1" && ip !== "127.0.0.1";
}

export function SessionsCard() {
  const queryClient = useQueryClient();
  const sessions = useQuery({
    queryKey: SESSIONS_KEY,
    queryFn: async () => {
      const [list, current] = await Promise.all([authClient.listSessions(), authClient.getSession()]);
      if (list.error) throw new Error(describeAuthError(list.error));
      const currentId = current.data?.session.id ?? null;
      const rows = (list.data ?? []) as SessionRow[];
      return {
        currentId,
        rows: [...rows].sort((a, b) => {
          if (a.id === currentId) return -1;
          if (b.id === currentId) return 1;
          return new Date(b.updatedAt).getTime() - new Date(a.updatedAt).getTime();
        }),
      };
    },
  });
  const [pending, setPending] = useState(false);
  const [message, setMessage] = useState<{ tone: "success" | "danger"; text: string } | null>(null);

  const others = sessions.data ? sessions.data.rows.filter((s) => s.id !== sessions.data.currentId).length : 0;

  async function revokeOthers() {
    setPending(true);
    setMessage(null);
    try {
      const { error } = await authClient.revokeOtherSessions();
      if (error) setMessage({ tone: "danger", text: describeAuthError(error) });
      else setMessage({ tone: "success", text: "Your other devices have been signed out." });
    } catch {
      setMessage({ tone: "danger", text: NETWORK_ERROR });
    } finally {
      setPending(false);
      void queryClient.invalidateQueries({ queryKey: SESSIONS_KEY });
    }
  }

  return (
    <Card>
      <SectionHeader
        title="Where you are signed in"
        description={
          sessions.data
            ? others === 0
              ? "Only this device is signed in."
              : `This device and ${others} other${others === 1 ? "" : "s"}.`
            : "Devices and browsers with an active session."
        }
        actions={
          <Button variant="outline" size="sm" onClick={revokeOthers} loading={pending} disabled={others === 0}>
            Sign out other devices
          </Button>
        }
      />
      <CardContent className="grid gap-3">
        {message ? (
          <Alert tone={message.tone} icon={message.tone === "success" ? CircleCheck : undefined}>
            {message.text}
          </Alert>
        ) : null}
        {sessions.isPending ? (
          <LoadingState label="Loading your sessions…" rows={2} className="py-0" />
        ) : sessions.isError ? (
          <ErrorState
            className="py-6"
            title="Could not load your sessions"
            message={sessions.error.message}
            onRetry={() => void sessions.refetch()}
          />
        ) : (
          <ul className="divide-y divide-border rounded-lg border border-border">
            {sessions.data.rows.map((s) => {
              const agent = describeAgent(s.userAgent);
              const Icon = agent.mobile ? Smartphone : Laptop;
              const isCurrent = s.id === sessions.data.currentId;
              return (
                <li key={s.id} className="flex items-start gap-3 px-4 py-3">
                  <Icon aria-hidden="true" className="mt-0.5 size-4 shrink-0 text-muted-foreground" />
                  <div className="grid min-w-0 flex-1 gap-0.5">
                    <p className="flex flex-wrap items-center gap-2 text-sm font-medium">
                      {agent.label}
                      {isCurrent ? <Badge tone="primary">This device</Badge> : null}
                    </p>
                    <p className="text-xs text-muted-foreground">
                      {knownIp(s.ipAddress) ? `${s.ipAddress} · ` : ""}
                      Signed in {formatDateTime(s.createdAt)} · last active{" "}
                      <time dateTime={new Date(s.updatedAt).toISOString()}>{formatRelative(s.updatedAt)}</time>
                    </p>
                  </div>
                </li>
              );
            })}
          </ul>
        )}
      </CardContent>
    </Card>
  );
}
