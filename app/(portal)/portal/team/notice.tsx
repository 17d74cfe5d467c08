"use client";

import { CircleCheck } from "lucide-react";
import { Alert, type AlertTone } from "@/app/_components/ui/alert";
import { Button } from "@/app/_components/ui/button";

export type Notice = { tone: AlertTone; text: string } | null;

/** The outcome of the last action on a card, read out politely, until dismissed or replaced. */
export function NoticeBanner({ notice, onDismiss }: { notice: Notice; onDismiss: () => void }) {
  if (!notice) return null;
  return (
    <Alert
      tone={notice.tone}
      icon={notice.tone === "success" ? CircleCheck : undefined}
      action={
        <Button variant="ghost" size="sm" onClick={onDismiss}>
          Dismiss
        </Button>
      }
    >
      <span aria-live="polite">{notice.text}</span>
    </Alert>
  );
}
