import type { ReactNode } from "react";
import { AppShell, type NavItem } from "@/app/_components/shell/app-shell";
import { requireCustomer } from "@/app/_lib/session";
import { serverCaller } from "@/app/_lib/trpc/server";

export const dynamic = "force-dynamic";

export default async function PortalLayout({ children }: { children: ReactNode }) {
  const info = await requireCustomer();
  const branding = await (await serverCaller()).me.branding();
  const nav: NavItem[] = [
    { href: "/portal", label: "Overview", icon: "overview", exact: true },
    { href: "/portal/incidents", label: "Incidents", icon: "incidents" },
    { href: "/portal/recommendations", label: "Recommendations", icon: "recommendations" },
    { href: "/portal/hunts", label: "Threat hunts", icon: "hunts" },
    { href: "/portal/service", label: "Service & SLA", icon: "sla" },
    { href: "/portal/coverage", label: "Coverage", icon: "coverage" },
    { href: "/portal/reports", label: "Reports", icon: "reports" },
    { href: "/portal/team", label: "Team & contacts", icon: "users" },
  ];
  return (
    <AppShell
      area="Portal"
      brandName={branding.providerName}
      orgName={info.customer.name}
      nav={nav}
      user={{ name: info.user.name, email: info.user.email, roleLabel: info.roleLabel ?? "" }}
    >
      {children}
    </AppShell>
  );
}
