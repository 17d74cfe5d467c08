"use client";

import { useQuery } from "@tanstack/react-query";
import { Clock, FileText, Globe } from "lucide-react";
import { Badge } from "@/app/_components/ui/badge";
import { Button } from "@/app/_components/ui/button";
import Link from "@/app/_components/ui/link";
import { PageHeader } from "@/app/_components/ui/page-header";
import { LoadingState } from "@/app/_components/ui/states";
import { useTRPC } from "@/app/_lib/trpc/client";
import { CustomerStatusBadge } from "../../_components/badges";
import { QueryError } from "../../_components/query-error";
import { countryName } from "../customer-fields";
import { ContactsCard } from "./contacts-card";
import { ProfileCard } from "./profile-card";
import { UsersCard } from "./users-card";

export type CustomerPermissions = {
  update: boolean;
  manageContacts: boolean;
  inviteUsers: boolean;
  manageUsers: boolean;
  readOutbox: boolean;
};

export function CustomerDetail({ slug, selfId, can }: { slug: string; selfId: string; can: CustomerPermissions }) {
  const trpc = useTRPC();
  const query = useQuery(trpc.customers.bySlug.queryOptions({ slug }));
  const crumbs = [{ label: "Customers", href: "/console/customers" }, { label: query.data?.name ?? slug }];

  if (!query.data) {
    return (
      <>
        <PageHeader title={slug} breadcrumbs={crumbs} />
        {query.isError ? (
          <QueryError title="Could not load this customer" error={query.error} onRetry={() => query.refetch()} />
        ) : (
          <LoadingState label="Loading customer…" />
        )}
      </>
    );
  }

  const customer = query.data;
  return (
    <>
      <PageHeader
        title={customer.name}
        breadcrumbs={crumbs}
        actions={
          <Button asChild variant="outline">
            <Link href={`/console/customers/${customer.slug}/contract`}>
              <FileText aria-hidden="true" />
              Contract
            </Link>
          </Button>
        }
      >
        <div className="flex flex-wrap items-center gap-2">
          <CustomerStatusBadge status={customer.status} />
          <Badge>{customer.industry}</Badge>
          <Badge title={countryName(customer.country) ?? undefined}>
            <Globe aria-hidden="true" />
            {countryName(customer.country) ?? customer.country}
          </Badge>
          <Badge>
            <Clock aria-hidden="true" />
            {customer.timezone.replaceAll("_", " ")}
          </Badge>
        </div>
      </PageHeader>
      <div className="grid gap-6">
        <ProfileCard customer={customer} canUpdate={can.update} />
        <ContactsCard customerId={customer.id} canManage={can.manageContacts} />
        <UsersCard customer={customer} selfId={selfId} can={can} />
      </div>
    </>
  );
}
