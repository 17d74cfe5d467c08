import { ShieldAlert, ShieldCheck } from "lucide-react";
import { Badge } from "@/app/_components/ui/badge";

export function TwoFactorBadge({ enabled }: { enabled: boolean | null }) {
  return enabled ? (
    <Badge tone="success">
      <ShieldCheck aria-hidden="true" />
      2FA on
    </Badge>
  ) : (
    <Badge tone="warning">
      <ShieldAlert aria-hidden="true" />
      No 2FA
    </Badge>
  );
}

export function CustomerStatusBadge({ status }: { status: "active" | "offboarded" }) {
  return status === "active" ? <Badge tone="success">Active</Badge> : <Badge tone="neutral">Offboarded</Badge>;
}
