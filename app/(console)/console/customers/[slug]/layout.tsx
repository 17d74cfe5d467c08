import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { requireStaff } from "@/app/_lib/session";
import { loadCustomer } from "./load-customer";

/**
 * The existence check sits in the layout, outside the loading boundaries of the customer's pages: an unknown slug is
 * decided before the response starts streaming, so it answers 404 (a notFound() inside a streamed page answers 200).
 */
export default async function CustomerGate({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ slug: string }>;
}) {
  const { slug } = await params;
  await requireStaff(`/console/customers/${slug}`);
  if (!(await loadCustomer(slug))) notFound();
  return children;
}
