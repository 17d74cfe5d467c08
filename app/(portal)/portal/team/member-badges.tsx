import { Badge } from "@/app/_components/ui/badge";
import { CUSTOMER_ROLE_LABELS } from "../_lib/labels";

export function RoleBadge({ role }: { role: string }) {
  return <Badge tone={role === "admin" ? "info" : "neutral"}>{CUSTOMER_ROLE_LABELS[role] ?? role}</Badge>;
}

export function TwoFactorBadge({ on }: { on: boolean | null }) {
  return on === true ? (
    <Badge tone="success" title="Uses two-factor authentication">
      2FA on
    </Badge>
  ) : (
    <Badge tone="neutral" title="Signs in with a password only">
      2FA off
    </Badge>
  );
}
