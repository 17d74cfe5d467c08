import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireStaff } from "@/app/_lib/session";
import { HydrateClient, prefetch, trpc } from "@/app/_lib/trpc/server";
import { NoAccess } from "../../../_components/no-access";
import { canDo } from "../../../_components/permissions";
import { loadCustomer } from "../load-customer";
import { ContractDetail } from "./contract-detail";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ create?: string | string[] }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const customer = await loadCustomer((await params).slug);
  return { title: customer ? `Contract · ${customer.name}` : "Customer not found" };
}

export default async function CustomerContractPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const info = await requireStaff(`/console/customers/${slug}/contract`);
  if (!canDo(info, "contract:read")) return <NoAccess title="Contract" roleLabel={info.roleLabel ?? undefined} />;
  const customer = await loadCustomer(slug);
  if (!customer) notFound();
  const canManage = canDo(info, "contract:manage");
  prefetch(trpc.contracts.ofCustomer.queryOptions({ customerId: customer.id }));
  if (canDo(info, "staff:read")) prefetch(trpc.staff.list.queryOptions());
  return (
    <HydrateClient>
      <ContractDetail
        customer={{ id: customer.id, name: customer.name, slug: customer.slug, timezone: customer.timezone }}
        canManage={canManage}
        canReadStaff={canDo(info, "staff:read")}
        startCreating={canManage && (await searchParams).create === "1"}
      />
    </HydrateClient>
  );
}
