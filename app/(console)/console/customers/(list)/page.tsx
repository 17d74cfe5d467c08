import type { Metadata } from "next";
import { PageHeader } from "@/app/_components/ui/page-header";
import { requireStaff } from "@/app/_lib/session";
import { HydrateClient, prefetch, trpc } from "@/app/_lib/trpc/server";
import { canDo } from "../../_components/permissions";
import { CustomersTable } from "../customers-table";
import { NewCustomerDialog } from "../new-customer-dialog";

export const metadata: Metadata = { title: "Customers" };

export default async function CustomersPage() {
  const info = await requireStaff("/console/customers");
  const canCreate = canDo(info, "customer:create");
  prefetch(trpc.customers.list.queryOptions());
  return (
    <HydrateClient>
      <PageHeader
        title="Customers"
        description="Every organisation the SOC protects: profile, escalation contacts and portal users."
        actions={canCreate ? <NewCustomerDialog /> : null}
      />
      <CustomersTable canCreate={canCreate} />
    </HydrateClient>
  );
}
