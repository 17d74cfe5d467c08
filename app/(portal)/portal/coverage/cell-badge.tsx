import { CircleCheck, CircleOff, CirclePlus, CircleX, TriangleAlert } from "lucide-react";
import { Badge, type BadgeTone } from "@/app/_components/ui/badge";
import type { CellState } from "@/server/coverage/matrix";

const LOOK: Record<CellState, { label: string; tone: BadgeTone; icon: typeof CircleCheck }> = {
  ok: { label: "Working", tone: "success", icon: CircleCheck },
  degraded: { label: "Problems", tone: "warning", icon: TriangleAlert },
  silent: { label: "Not reporting", tone: "danger", icon: CircleOff },
  missing: { label: "Not connected", tone: "danger", icon: CircleX },
  extra: { label: "Not in contract", tone: "neutral", icon: CirclePlus },
  none: { label: "—", tone: "neutral", icon: CirclePlus },
};

export function CellBadge({ state, className }: { state: CellState; className?: string }) {
  const l = LOOK[state];
  return (
    <Badge tone={l.tone} className={className}>
      <l.icon aria-hidden="true" />
      {l.label}
    </Badge>
  );
}
