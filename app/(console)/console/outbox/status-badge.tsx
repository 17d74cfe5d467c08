import { Badge, type BadgeTone } from "@/app/_components/ui/badge";

const STATUS: Record<string, { tone: BadgeTone; label: string }> = {
  outbox: { tone: "info", label: "In outbox" },
  queued: { tone: "warning", label: "Queued" },
  sent: { tone: "success", label: "Sent" },
  failed: { tone: "danger", label: "Failed" },
};

/** "In outbox" means no SMTP server: the message was recorded, not sent. */
export function EmailStatusBadge({ status, error }: { status: string; error?: string | null }) {
  const s = STATUS[status] ?? { tone: "neutral" as const, label: status };
  return (
    <Badge tone={s.tone} title={error ?? undefined}>
      {s.label}
    </Badge>
  );
}
