import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireCustomer } from "@/app/_lib/session";
import { HydrateClient, serverCaller } from "@/app/_lib/trpc/server";
import { IncidentDetail } from "./incident-detail";
import { loadIncident } from "./load";

type Props = { params: Promise<{ id: string }> };

// Direction controls and other invisible formatting characters have no place in a browser tab's title.
const INVISIBLE = /[\u061C\u200B-\u200F\u202A-\u202E\u2066-\u2069]/g;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await requireCustomer();
  // A failed load is the page's to report (error.tsx); the tab still gets a title.
  const incident = await loadIncident((await params).id).catch(() => undefined);
  if (incident === undefined) return { title: "Incident" };
  if (!incident) return { title: "Incident not found" };
  const title = incident.title.replace(INVISIBLE, "");
  return { title: `${incident.reference}: ${title.length > 60 ? `${title.slice(0, 59)}…` : title}` };
}

export default async function PortalIncidentPage({ params }: Props) {
  const { id } = await params;
  const info = await requireCustomer(`/portal/incidents/${id}`);
  const incident = await loadIncident(id);
  if (!incident) notFound();
  const branding = await (await serverCaller()).me.branding();
  const can = (p: string) => info.permissions.some((x) => x === p);
  return (
    <HydrateClient>
      <IncidentDetail
        incidentId={incident.id}
        timeZone={info.customer.timezone}
        providerName={branding.providerName}
        can={{ comment: can("incident:comment"), answer: can("incident:answer"), approve: can("incident:approve") }}
      />
    </HydrateClient>
  );
}
