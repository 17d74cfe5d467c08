"use client";

import { KeyRound } from "lucide-react";
import { type FormEvent, useState } from "react";
import { Button } from "@/app/_components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogFooter } from "@/app/_components/ui/dialog";
import { authClient } from "@/app/_lib/auth-client";
import { BackupCodes } from "@/app/(auth)/_components/backup-codes";
import { describeAuthError, NETWORK_ERROR } from "@/app/(auth)/_lib/auth-errors";
import { PasswordConfirm } from "./password-confirm";

export function BackupCodesDialog({ email }: { email: string }) {
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
