"use client";

import { ShieldOff } from "lucide-react";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { Alert } from "@/app/_components/ui/alert";
import { Button } from "@/app/_components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogFooter } from "@/app/_components/ui/dialog";
import { authClient } from "@/app/_lib/auth-client";
import { describeAuthError, NETWORK_ERROR } from "@/app/(auth)/_lib/auth-errors";
import { PasswordConfirm } from "./password-confirm";

export function DisableTwoFactorDialog({ staffMustUse2fa }: { staffMustUse2fa: boolean }) {
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
