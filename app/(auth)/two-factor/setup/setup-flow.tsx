"use client";

import { CircleCheck } from "lucide-react";
import QRCode from "qrcode";
import { type FormEvent, useRef, useState } from "react";
import { Alert } from "@/app/_components/ui/alert";
import { Button } from "@/app/_components/ui/button";
import { Checkbox } from "@/app/_components/ui/checkbox";
import { Field } from "@/app/_components/ui/field";
import { Input } from "@/app/_components/ui/input";
import Link from "@/app/_components/ui/link";
import { authClient } from "@/app/_lib/auth-client";
import { AuthCard, authLinkClass } from "../../_components/auth-card";
import { BackupCodes } from "../../_components/backup-codes";
import { CopyButton } from "../../_components/copy-button";
import { describeAuthError, NETWORK_ERROR } from "../../_lib/auth-errors";

type Enrolment = { qr: string; secret: string; backupCodes: string[] };
type Step = { name: "password" } | { name: "scan"; enrolment: Enrolment } | { name: "done" };

/** The base32 secret inside an otpauth:// URI, for people who cannot scan the QR code. */
function secretOf(totpURI: string): string {
  try {
    return new URL(totpURI).searchParams.get("secret") ?? "";
  } catch {
    return /[?&]secret=([A-Z2-7]+)/i.exec(totpURI)?.[1] ?? "";
  }
}

function grouped(secret: string) {
  return secret.replace(/(.{4})/g, "$1 ").trim();
}

export function SetupFlow({
  email,
  alreadyEnabled,
  required,
  isStaff,
}: {
  email: string;
  alreadyEnabled: boolean;
  required: boolean;
  isStaff: boolean;
}) {
  const [step, setStep] = useState<Step>({ name: "password" });
  const [already, setAlready] = useState(alreadyEnabled);

  async function signOut() {
    try {
      await authClient.signOut();
    } finally {
      window.location.assign("/sign-in");
    }
  }

  const signedInAs = (
    <p>
      Signed in as <span className="font-medium text-foreground">{email}</span>.{" "}
      <Button variant="link" onClick={signOut}>
        Sign out
      </Button>
    </p>
  );

  if (already) {
    return (
      <AuthCard
        title="Two-factor authentication is already on"
        description="Your account already asks for a code from your authenticator app when you sign in."
        footer={signedInAs}
      >
        <div className="grid gap-3">
          <p className="text-sm text-muted-foreground">
            To move to a new phone, turn two-factor off on the security page and set it up again.
          </p>
          <div className="flex flex-wrap gap-2">
            <Button asChild>
              <Link href="/">Continue</Link>
            </Button>
            <Button asChild variant="outline">
              <Link href="/account/security">Account security</Link>
            </Button>
          </div>
        </div>
      </AuthCard>
    );
  }

  if (step.name === "done") {
    return (
      <AuthCard title="Two-factor authentication is on" footer={signedInAs}>
        <div className="grid gap-5">
          <Alert tone="success" icon={CircleCheck} title="You are set up">
            From now on you will enter a code from your authenticator app after your password. If you lose your phone,
            use one of your backup codes.
          </Alert>
          <Button className="w-full" onClick={() => window.location.assign("/")}>
            Continue
          </Button>
        </div>
      </AuthCard>
    );
  }

  return (
    <AuthCard
      className={step.name === "scan" ? "max-w-xl" : undefined}
      title="Set up two-factor authentication"
      description={
        step.name === "password"
          ? "Protect your account with a code from an authenticator app, such as Microsoft Authenticator, Google Authenticator, 1Password or Authy."
          : "Link your authenticator app, save your backup codes, then confirm with a code."
      }
      footer={signedInAs}
    >
      {step.name === "password" ? (
        <PasswordStep
          required={required}
          isStaff={isStaff}
          onEnrolled={(enrolment) => setStep({ name: "scan", enrolment })}
          onAlreadyEnabled={() => setAlready(true)}
        />
      ) : (
        <ScanStep
          email={email}
          enrolment={step.enrolment}
          onDone={() => setStep({ name: "done" })}
          onRestart={() => setStep({ name: "password" })}
        />
      )}
    </AuthCard>
  );
}

function PasswordStep({
  required,
  isStaff,
  onEnrolled,
  onAlreadyEnabled,
}: {
  required: boolean;
  isStaff: boolean;
  onEnrolled: (e: Enrolment) => void;
  onAlreadyEnabled: () => void;
}) {
  const [password, setPassword] = useState("");
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const ref = useRef<HTMLInputElement>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(null);
    if (!password) {
      setFieldError("Enter your password.");
      ref.current?.focus();
      return;
    }
    setFieldError(null);
    setPending(true);
    try {
      const { data, error: authError } = await authClient.twoFactor.enable({ password });
      if (authError) {
        if (authError.code === "TOTP_ALREADY_ENABLED") return onAlreadyEnabled();
        if (authError.code === "INVALID_PASSWORD") setFieldError("That password is not correct.");
        else setError(describeAuthError(authError));
        setPending(false);
        setPassword("");
        ref.current?.focus();
        return;
      }
      if (!data || !("totpURI" in data) || !data.totpURI) {
        setError("The server did not return a setup key. Try again.");
        setPending(false);
        return;
      }
      const qr = await QRCode.toDataURL(data.totpURI, { width: 208, margin: 1, errorCorrectionLevel: "M" });
      onEnrolled({ qr, secret: secretOf(data.totpURI), backupCodes: data.backupCodes ?? [] });
    } catch {
      setError(NETWORK_ERROR);
      setPending(false);
    }
  }

  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-5">
      {required ? (
        <Alert tone="info" title="Required before you continue">
          {isStaff
            ? "Provider staff need two-factor authentication before they can use the console."
            : "Your account needs two-factor authentication before you can continue."}
        </Alert>
      ) : null}
      {error ? <Alert tone="danger">{error}</Alert> : null}
      <Field label="Confirm your password" hint="We ask again before changing how you sign in." error={fieldError}>
        <Input
          ref={ref}
          type="password"
          name="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          autoFocus
        />
      </Field>
      <Button type="submit" loading={pending} className="w-full">
        Continue
      </Button>
    </form>
  );
}

function ScanStep({
  email,
  enrolment,
  onDone,
  onRestart,
}: {
  email: string;
  enrolment: Enrolment;
  onDone: () => void;
  onRestart: () => void;
}) {
  const [code, setCode] = useState("");
  const [saved, setSaved] = useState(false);
  const [errors, setErrors] = useState<{ code?: string; saved?: string }>({});
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const ref = useRef<HTMLInputElement>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(null);
    const value = code.replace(/\s/g, "");
    const next: typeof errors = {};
    if (!/^\d{6}$/.test(value)) next.code = "Enter the 6-digit code your app shows for Watchkeeper.";
    if (!saved) next.saved = "Save your backup codes first: they are shown only once.";
    setErrors(next);
    if (next.code || next.saved) {
      if (next.code) ref.current?.focus();
      return;
    }
    setPending(true);
    try {
      const { error: authError } = await authClient.twoFactor.verifyTotp({ code: value });
      if (authError) {
        if (authError.code === "INVALID_CODE") setErrors({ code: describeAuthError(authError) });
        else setError(describeAuthError(authError));
        setPending(false);
        setCode("");
        ref.current?.focus();
        return;
      }
      onDone();
    } catch {
      setError(NETWORK_ERROR);
      setPending(false);
    }
  }

  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-6">
      <section aria-labelledby="tf-step-1" className="grid gap-3">
        <h2 id="tf-step-1" className="text-sm font-semibold">
          1. Scan this QR code with your authenticator app
        </h2>
        <div className="flex flex-col items-start gap-4 sm:flex-row">
          {/* A data: URL generated in the browser; next/image adds nothing here. */}
          {/* biome-ignore lint/performance/noImgElement: local data URL */}
          <img
            src={enrolment.qr}
            alt="QR code to add Watchkeeper to your authenticator app"
            width={176}
            height={176}
            className="size-44 shrink-0 rounded-lg border border-border bg-white p-2"
          />
          <div className="grid min-w-0 gap-2 text-sm">
            <p className="text-muted-foreground">Cannot scan it? Add an account by hand and enter this key:</p>
            <code className="block rounded-md border border-border bg-muted/50 px-3 py-2 font-mono text-sm break-all select-all">
              {grouped(enrolment.secret)}
            </code>
            <div>
              <CopyButton text={enrolment.secret} label="Copy key" />
            </div>
            <p className="text-xs text-muted-foreground">Time-based, 6 digits, every 30 seconds. Account: {email}</p>
          </div>
        </div>
      </section>

      <section aria-labelledby="tf-step-2" className="grid gap-3">
        <div className="grid gap-1">
          <h2 id="tf-step-2" className="text-sm font-semibold">
            2. Save your backup codes
          </h2>
          <p className="text-sm text-muted-foreground">
            If you lose your phone, each code lets you sign in once. They are shown only now.
          </p>
        </div>
        <BackupCodes codes={enrolment.backupCodes} email={email} />
        <div className="grid gap-1">
          <Checkbox
            label="I have saved my backup codes somewhere safe"
            checked={saved}
            onChange={(e) => setSaved(e.target.checked)}
            aria-invalid={errors.saved ? true : undefined}
          />
          {errors.saved ? (
            <p role="alert" className="text-xs font-medium text-destructive">
              {errors.saved}
            </p>
          ) : null}
        </div>
      </section>

      <section aria-labelledby="tf-step-3" className="grid gap-3">
        <h2 id="tf-step-3" className="text-sm font-semibold">
          3. Enter the code from your app
        </h2>
        {error ? <Alert tone="danger">{error}</Alert> : null}
        <Field label="6-digit code" error={errors.code}>
          <Input
            ref={ref}
            name="code"
            autoComplete="one-time-code"
            inputMode="numeric"
            pattern="[0-9]*"
            maxLength={7}
            placeholder="123456"
            className="max-w-48 font-mono tracking-[0.3em]"
            value={code}
            onChange={(e) => setCode(e.target.value.replace(/[^\d\s]/g, ""))}
          />
        </Field>
        <div className="flex flex-wrap items-center gap-3">
          <Button type="submit" loading={pending}>
            Turn on two-factor
          </Button>
          <Button variant="ghost" onClick={onRestart} disabled={pending}>
            Start over
          </Button>
        </div>
      </section>
      <p className="text-xs text-muted-foreground">
        Two-factor stays off until you enter a correct code. Changed your mind?{" "}
        <Link href="/account/security" className={authLinkClass}>
          Back to account security
        </Link>
      </p>
    </form>
  );
}
