import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { requireCustomer } from "@/app/_lib/session";
import { loadMyAsset } from "./load";

/**
 * The existence check sits in the layout, outside this segment's loading boundary: a missing asset (or another
 * customer's) is decided before the response starts streaming, so it answers 404.
 */
export default async function AssetGate({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ id: string }>;
}) {
  const { id } = await params;
  await requireCustomer(`/portal/coverage/assets/${id}`);
  if (!(await loadMyAsset(id))) notFound();
  return children;
}
