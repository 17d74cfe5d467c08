import { Badge, type BadgeTone } from "@/app/_components/ui/badge";
import type { RecStatus } from "@/server/recommendations/lifecycle";
import { STATUS_LABELS } from "@/server/recommendations/lifecycle";

const TONES: Record<RecStatus, BadgeTone> = {
  open: "primary",
  accepted: "info",
  done: "success",
  risk_accepted: "warning",
  dismissed: "neutral",
};

export function RecStatusBadge({ status }: { status: RecStatus }) {
  return <Badge tone={TONES[status]}>{STATUS_LABELS[status]}</Badge>;
}
