import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { requireStaff } from "@/app/_lib/session";
import { canDo } from "../../_components/permissions";
import { loadAlert } from "./load";

/**
 * The existence check sits in the layout, outside this segment's loading boundary: a missing alert is decided before
 * the response starts streaming, so it answers 404 (a notFound() inside the streamed page would answer 200).
 */
export default async function AlertGate({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ id: string }>;
}) {
  const { id } = await params;
  const info = await requireStaff(`/console/alerts/${id}`);
  if (canDo(info, "alert:read") && !(await loadAlert(id))) notFound();
  return children;
}
