"use client";

import type { ReactNode } from "react";
import { Alert } from "@/app/_components/ui/alert";
import { Button } from "@/app/_components/ui/button";

export type Notice = { tone: "success" | "danger"; title: string; body?: ReactNode };

/** The outcome of the last action in a section, until dismissed or replaced. */
export function NoticeAlert({
  notice,
  onDismiss,
  className,
}: {
  notice: Notice | null;
  onDismiss: () => void;
  className?: string;
}) {
  if (!notice) return null;
  return (
    <Alert
      tone={notice.tone}
      title={notice.title}
      className={className}
      action={
        <Button variant="ghost" size="sm" onClick={onDismiss}>
          Dismiss
        </Button>
      }
    >
      {notice.body}
    </Alert>
  );
}
