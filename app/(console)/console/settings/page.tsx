import type { Metadata } from "next";
import { PageHeader } from "@/app/_components/ui/page-header";
import { requireStaff } from "@/app/_lib/session";
import { HydrateClient, prefetch, trpc } from "@/app/_lib/trpc/server";
import { canDo } from "../_components/permissions";
import { BrandingSettings } from "./branding-settings";
import { RosterPolicy } from "./roster-policy";
import { UnsupportedVersions } from "./unsupported-versions";

export const metadata: Metadata = { title: "Settings" };

/** The month just ended (UTC), for the sample cover. */
function lastMonth(now: Date) {
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
  return d.toISOString().slice(0, 7);
}

export default async function SettingsPage() {
  const info = await requireStaff("/console/settings");
  prefetch(trpc.provider.settings.queryOptions());
  if (canDo(info, "sensor:read")) prefetch(trpc.coverage.unsupportedVersions.queryOptions());
  return (
    <HydrateClient>
      <PageHeader
        title="Settings"
        description="How your company appears to customers: on monthly report covers, in e-mails and at the top of the portal."
      />
      <div className="grid gap-6">
        <BrandingSettings canManage={canDo(info, "settings:manage")} sampleMonth={lastMonth(new Date())} />
        {canDo(info, "sensor:read") ? <UnsupportedVersions canManage={canDo(info, "sensor:manage")} /> : null}
        {canDo(info, "roster:read") ? <RosterPolicy canManage={canDo(info, "settings:manage")} /> : null}
      </div>
    </HydrateClient>
  );
}
