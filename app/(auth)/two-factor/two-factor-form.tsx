"use client";

import { type FormEvent, useRef, useState } from "react";
import { Alert } from "@/app/_components/ui/alert";
import { Button } from "@/app/_components/ui/button";
import { Checkbox } from "@/app/_components/ui/checkbox";
import { Field } from "@/app/_components/ui/field";
import { Input } from "@/app/_components/ui/input";
import Link from "@/app/_components/ui/link";
import { authClient } from "@/app/_lib/auth-client";
import { authLinkClass } from "../_components/auth-card";
import { describeAuthError, NETWORK_ERROR, NEXT_STORAGE_KEY, safeNextPath } from "../_lib/auth-errors";

type Mode = "totp" | "backup";

/** Codes that end the challenge: the user has to sign in again. */
const RESTART_CODES = new Set(["INVALID_TWO_FACTOR_COOKIE", "TOO_MANY_ATTEMPTS_REQUEST_NEW_CODE"]);

function afterSignIn() {
  let next = "/";
  try {
    next = safeNextPath(window.sessionStorage.getItem(NEXT_STORAGE_KEY));
    window.sessionStorage.removeItem(NEXT_STORAGE_KEY);
  } catch {
    // Storage unavailable: go to the start page.
  }
  window.location.assign(next);
}

export function TwoFactorForm() {
  const [mode, setMode] = useState<Mode>("totp");
  const [code, setCode] = useState("");
  const [trustDevice, setTrustDevice] = useState(false);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [error, setError] = useState<{ message: string; restart: boolean } | null>(null);
  const [pending, setPending] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);

  function switchMode(to: Mode) {
    setMode(to);
    setCode("");
    setFieldError(null);
    setError(null);
    requestAnimationFrame(() => inputRef.current?.focus());
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(null);
    const value = mode === "totp" ? code.replace(/\s/g, "") : code.trim();
    if (mode === "totp" && !/^\d{6}$/.test(value)) {
      setFieldError("Enter the 6-digit code from your authenticator app.");
      inputRef.current?.focus();
      return;
    }
    if (mode === "backup" && value.length < 6) {
      setFieldError("Enter one of your backup codes.");
      inputRef.current?.focus();
      return;
    }
    setFieldError(null);
    setPending(true);
    try {
      const { error: authError } =
        mode === "totp"
          ? await authClient.twoFactor.verifyTotp({ code: value, trustDevice })
          : await authClient.twoFactor.verifyBackupCode({ code: value, trustDevice });
      if (authError) {
        setError({ message: describeAuthError(authError), restart: RESTART_CODES.has(authError.code ?? "") });
        setPending(false);
        setCode("");
        inputRef.current?.focus();
        return;
      }
      afterSignIn();
    } catch {
      setError({ message: NETWORK_ERROR, restart: false });
      setPending(false);
    }
  }

  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-5">
      {error ? (
        <Alert tone="danger" title="Not signed in yet">
          {error.message}
          {error.restart ? (
            <>
              {" "}
              <Link href="/sign-in">Sign in again</Link>
            </>
          ) : null}
        </Alert>
      ) : null}
      {mode === "totp" ? (
        <Field
          label="Authentication code"
          hint="Open your authenticator app and enter the 6-digit code for Watchkeeper."
          error={fieldError}
        >
          <Input
            ref={inputRef}
            name="code"
            autoComplete="one-time-code"
            inputMode="numeric"
            pattern="[0-9]*"
            maxLength={7}
            placeholder="123456"
            className="font-mono tracking-[0.3em]"
            value={code}
            onChange={(e) => setCode(e.target.value.replace(/[^\d\s]/g, ""))}
            autoFocus
          />
        </Field>
      ) : (
        <Field
          label="Backup code"
          hint="One of the codes you saved when you set up two-factor. Each code works once."
          error={fieldError}
        >
          <Input
            ref={inputRef}
            name="backup-code"
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            className="font-mono"
            value={code}
            onChange={(e) => setCode(e.target.value)}
            autoFocus
          />
        </Field>
      )}
      <Checkbox
        label="Trust this device for 30 days"
        description="Skip this check on this browser. Do not use on shared computers."
        checked={trustDevice}
        onChange={(e) => setTrustDevice(e.target.checked)}
      />
      <Button type="submit" loading={pending} className="w-full">
        Verify and sign in
      </Button>
      <div className="flex flex-wrap items-center justify-between gap-x-4 gap-y-2 text-sm">
        {mode === "totp" ? (
          <Button variant="link" onClick={() => switchMode("backup")}>
            Use a backup code instead
          </Button>
        ) : (
          <Button variant="link" onClick={() => switchMode("totp")}>
            Use your authenticator app instead
          </Button>
        )}
        <Link href="/sign-in" className={authLinkClass}>
          Back to sign in
        </Link>
      </div>
    </form>
  );
}
