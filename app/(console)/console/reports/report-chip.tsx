import { CircleAlert, Clock, FileCheck, FileQuestion, LoaderCircle, type LucideIcon, MailCheck } from "lucide-react";
import { Badge } from "@/app/_components/ui/badge";
import { cn } from "@/app/_lib/cn";
import { formatBytes, formatDateTime, formatMonth } from "@/lib/format";
import {
  type CellStatus,
  contacts,
  type MatrixCell,
  type MatrixCustomer,
  STATUS_LABELS,
  STATUS_TONES,
} from "./report-labels";

const ICONS: Record<CellStatus, LucideIcon | null> = {
  "not-ended": null,
  "before-service": null,
  missing: FileQuestion,
  queued: Clock,
  running: LoaderCircle,
  failed: CircleAlert,
  ready: FileCheck,
  sent: MailCheck,
};

/** The sentence behind a chip: what the cell means, for the tooltip and the menu. */
export function describeCell(customer: MatrixCustomer, cell: MatrixCell): string {
  const month = formatMonth(cell.month);
  const v = cell.latest;
  const facts = v ? `Version ${v.version}, ${v.pages} pages, ${formatBytes(v.sizeBytes)}.` : "";
  switch (cell.status) {
    case "not-ended":
      return `${month} has not ended yet in ${customer.timezone.replaceAll("_", " ")}.`;
    case "before-service":
      return `${customer.name} became a customer after ${month}; the month-end run skips it.`;
    case "missing":
      return `No report for ${month} yet.`;
    case "queued":
      return "Waiting for the report worker.";
    case "running":
      return "Being rendered now.";
    case "failed":
      return `The last attempt failed: ${cell.error ?? "unknown error"}`;
    case "sent":
      return `${facts} E-mailed to ${contacts(cell.delivery?.recipients ?? 0)}${
        cell.delivery ? ` on ${formatDateTime(cell.delivery.sentAt)}` : ""
      }.`;
    default:
      return `${facts} Not e-mailed.`;
  }
}

export function StatusChip({ cell }: { cell: MatrixCell }) {
  const Icon = ICONS[cell.status];
  const text =
    cell.status === "sent" && cell.delivery ? `Sent to ${cell.delivery.recipients}` : STATUS_LABELS[cell.status];
  return (
    <Badge tone={STATUS_TONES[cell.status]}>
      {Icon ? <Icon aria-hidden="true" className={cn(cell.status === "running" && "animate-spin")} /> : null}
      {text}
    </Badge>
  );
}
