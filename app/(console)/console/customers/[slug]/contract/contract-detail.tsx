"use client";

import { useQuery } from "@tanstack/react-query";
import { FileText, Pencil, Plus } from "lucide-react";
import { type ReactNode, useMemo, useState } from "react";
import { Badge } from "@/app/_components/ui/badge";
import { Button } from "@/app/_components/ui/button";
import { Card } from "@/app/_components/ui/card";
import { PageHeader } from "@/app/_components/ui/page-header";
import { EmptyState, LoadingState } from "@/app/_components/ui/states";
import { useTRPC } from "@/app/_lib/trpc/client";
import { formatDateTime } from "@/lib/format";
import { TIER_LABELS, TIER_SHORT } from "@/server/contracts/templates";
import { FlashMessage, useFlash } from "../../../_components/flash";
import { QueryError } from "../../../_components/query-error";
import { ChangeTermsForm } from "./change-terms-form";
import { ContractOverview } from "./contract-overview";
import { versionsOf } from "./contract-versions";
import { CreateContractForm, type CustomerRef } from "./create-contract-form";

type Mode = "view" | "create" | "change";

export function ContractDetail({
  customer,
  canManage,
  canReadStaff,
  startCreating,
}: {
  customer: CustomerRef;
  canManage: boolean;
  canReadStaff: boolean;
  startCreating: boolean;
}) {
  const trpc = useTRPC();
  const query = useQuery(trpc.contracts.ofCustomer.queryOptions({ customerId: customer.id }));
  const staff = useQuery({ ...trpc.staff.list.queryOptions(), enabled: canReadStaff });
  const staffNames = useMemo(
    () => (staff.data ? new Map(staff.data.members.map((m) => [m.userId, m.name])) : null),
    [staff.data],
  );
  const [mode, setModeState] = useState<Mode>(startCreating ? "create" : "view");
  const setMode = (next: Mode) => {
    setModeState(next);
    window.scrollTo({ top: 0 });
  };
  const { flash, show, dismiss } = useFlash();
  const crumbs = [
    { label: "Customers", href: "/console/customers" },
    { label: customer.name, href: `/console/customers/${customer.slug}` },
    { label: "Contract" },
  ];
  const page = (body: ReactNode, actions?: ReactNode, description?: ReactNode) => (
    <>
      <PageHeader title="Contract" description={description} breadcrumbs={crumbs} actions={actions} />
      {body}
      <FlashMessage flash={flash} onDismiss={dismiss} />
    </>
  );

  if (!query.data) {
    return page(
      query.isError ? (
        <QueryError title="Could not load the contract" error={query.error} onRetry={() => query.refetch()} />
      ) : (
        <LoadingState label="Loading contract…" />
      ),
    );
  }

  const data = query.data;
  const { scheduled, inForce, shown, nextNumber } = versionsOf(data);
  const effectiveMode: Mode = (mode === "create" && shown) || (mode === "change" && !shown) ? "view" : mode;

  if (effectiveMode === "create") {
    return page(
      <CreateContractForm
        customer={customer}
        defaults={data.defaults}
        onCancel={() => setMode("view")}
        onCreated={(reference) => {
          setMode("view");
          show({ tone: "success", message: `Contract ${reference} created.` });
        }}
      />,
      undefined,
      `${customer.name} has no contract yet.`,
    );
  }
  if (effectiveMode === "change" && shown) {
    return page(
      <ChangeTermsForm
        customer={customer}
        contractId={shown.contractId}
        reference={shown.reference}
        base={shown}
        baseVersion={shown.version}
        nextVersion={nextNumber}
        onCancel={() => setMode("view")}
        onSaved={(version, at) => {
          setMode("view");
          show({
            tone: "success",
            message: `Version ${version} saved, effective from ${formatDateTime(at, customer.timezone)}.`,
          });
        }}
      />,
      undefined,
      `${customer.name} · ${shown.reference}`,
    );
  }

  const actions = !canManage ? null : shown ? (
    <Button onClick={() => setMode("change")}>
      <Pencil aria-hidden="true" />
      Change terms
    </Button>
  ) : (
    <Button onClick={() => setMode("create")}>
      <Plus aria-hidden="true" />
      Create contract
    </Button>
  );

  if (!shown) {
    return page(
      <Card>
        <EmptyState
          icon={FileText}
          title={`${customer.name} has no contract`}
          description="Without one, its incidents get no SLA clocks and the portal shows no service terms."
          action={actions}
        />
      </Card>,
      actions,
    );
  }

  return page(
    <ContractOverview
      data={data}
      shown={shown}
      inForce={Boolean(inForce)}
      nextChange={scheduled[0]}
      timeZone={customer.timezone}
      staffNames={staffNames}
    />,
    actions,
    <span className="flex flex-wrap items-center gap-2">
      <span className="font-mono">{shown.reference}</span>
      <Badge tone="primary" title={TIER_LABELS[shown.tier]}>
        {TIER_SHORT[shown.tier]}
      </Badge>
      <span>
        · version {shown.version}
        {inForce ? " in force" : ", not yet in force"}
      </span>
    </span>,
  );
}
