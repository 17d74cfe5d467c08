import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireStaff } from "@/app/_lib/session";
import { HydrateClient, prefetch, trpc } from "@/app/_lib/trpc/server";
import { canDo } from "../../_components/permissions";
import { CustomerDetail } from "./customer-detail";
import { loadCustomer } from "./load-customer";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const customer = await loadCustomer((await params).slug);
  return { title: customer?.name ?? "Customer not found" };
}

export default async function CustomerPage({ params }: Props) {
  const { slug } = await params;
  const info = await requireStaff(`/console/customers/${slug}`);
  const customer = await loadCustomer(slug);
  if (!customer) notFound();
  prefetch(trpc.customers.contacts.queryOptions({ customerId: customer.id }));
  prefetch(trpc.customerUsers.list.queryOptions({ customerId: customer.id }));
  return (
    <HydrateClient>
      <CustomerDetail
        slug={slug}
        selfId={info.user.id}
        can={{
          update: canDo(info, "customer:update"),
          manageContacts: canDo(info, "contact:manage"),
          inviteUsers: canDo(info, "customerUser:invite"),
          manageUsers: canDo(info, "customerUser:remove"),
          readOutbox: canDo(info, "outbox:read"),
        }}
      />
    </HydrateClient>
  );
}
