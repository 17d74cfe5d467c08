import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { requireCustomer } from "@/app/_lib/session";
import { loadIncident } from "./load";

/**
 * The existence check sits in the layout, outside this segment's loading boundary: a missing incident (or another
 * customer's) is decided before the response starts streaming, so it answers 404 (a notFound() inside the streamed
 * page would answer 200).
 */
export default async function IncidentGate({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ id: string }>;
}) {
  const { id } = await params;
  await requireCustomer(`/portal/incidents/${id}`);
  if (!(await loadIncident(id))) notFound();
  return children;
}
