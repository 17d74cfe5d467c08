import type { ReactNode } from "react";
import { AppShell, type NavItem } from "@/app/_components/shell/app-shell";
import { requireStaff } from "@/app/_lib/session";
import { serverCaller } from "@/app/_lib/trpc/server";
import type { Permission } from "@/server/auth/permissions";
import { ConsoleAlerts } from "./_components/console-alerts";
import { OnDutyNow } from "./_components/on-duty-now";
import { TimeZoneSetting } from "./_components/time-zone-setting";

export const dynamic = "force-dynamic";

export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  const info = await requireStaff();
  const branding = await (await serverCaller()).me.branding();
  const can = (p: Permission) => info.permissions.includes(p);
  const nav: NavItem[] = [
    ...(can("alert:read") ? [{ href: "/console/queue", label: "Alert queue", icon: "queue" } as const] : []),
    ...(can("incident:read") ? [{ href: "/console/incidents", label: "Incidents", icon: "incidents" } as const] : []),
    ...(can("sla:read") ? [{ href: "/console/sla", label: "SLA", icon: "sla" } as const] : []),
    ...(can("recommendation:read")
      ? [{ href: "/console/recommendations", label: "Recommendations", icon: "recommendations" } as const]
      : []),
    ...(can("hunt:read") ? [{ href: "/console/hunts", label: "Threat hunts", icon: "hunts" } as const] : []),
    ...(can("posture:read") ? [{ href: "/console/posture", label: "Posture", icon: "posture" } as const] : []),
    { href: "/console/customers", label: "Customers", icon: "customers" },
    ...(can("roster:read") ? [{ href: "/console/roster", label: "Roster", icon: "roster" } as const] : []),
    ...(can("contract:read") ? [{ href: "/console/contracts", label: "Contracts", icon: "contracts" } as const] : []),
    ...(can("report:read") ? [{ href: "/console/reports", label: "Reports", icon: "reports" } as const] : []),
    ...(can("sensor:read") ? [{ href: "/console/coverage", label: "Coverage", icon: "coverage" } as const] : []),
    ...(can("sensor:read") ? [{ href: "/console/sensors", label: "Sensors", icon: "sensors" } as const] : []),
    ...(can("asset:read") ? [{ href: "/console/assets", label: "Assets", icon: "assets" } as const] : []),
    ...(can("sensor:read")
      ? [{ href: "/console/visibility", label: "ATT&CK visibility", icon: "visibility" } as const]
      : []),
    ...(can("staff:read") ? [{ href: "/console/staff", label: "Staff", icon: "staff" } as const] : []),
    ...(can("audit:read") ? [{ href: "/console/audit", label: "Audit log", icon: "audit" } as const] : []),
    ...(can("outbox:read") ? [{ href: "/console/outbox", label: "E-mail outbox", icon: "outbox" } as const] : []),
    { href: "/console/settings", label: "Settings", icon: "settings" },
  ];
  return (
    <AppShell
      area="Console"
      brandName={branding.providerName}
      orgName="Operations"
      nav={nav}
      user={{ name: info.user.name, email: info.user.email, roleLabel: info.roleLabel ?? "" }}
      headerExtra={
        <>
          {can("roster:read") ? <OnDutyNow /> : null}
          <TimeZoneSetting compact />
        </>
      }
    >
      <ConsoleAlerts sla={can("sla:read")} sensors={can("sensor:read")} canResolve={can("sla:resolve")} />
      {children}
    </AppShell>
  );
}
