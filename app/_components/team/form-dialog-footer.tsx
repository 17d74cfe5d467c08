"use client";

import { Button } from "@/app/_components/ui/button";
import { DialogClose, DialogFooter } from "@/app/_components/ui/dialog";

/** Cancel and submit buttons at the foot of a form in a dialog; both wait while the form is being sent. */
export function FormDialogFooter({ pending, submitLabel }: { pending: boolean; submitLabel: string }) {
  return (
    <DialogFooter>
      <DialogClose asChild>
        <Button variant="outline" disabled={pending}>
          Cancel
        </Button>
      </DialogClose>
      <Button type="submit" loading={pending}>
        {submitLabel}
      </Button>
    </DialogFooter>
  );
}
