"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { PageHeader } from "@/app/_components/ui/page-header";
import { useTRPC } from "@/app/_lib/trpc/client";
import { useUrlParams } from "@/app/_lib/use-url-params";
import { readCustomerListParams } from "../_components/customer-list-params";
import { CustomerPicker } from "../_components/customer-picker";
import { AttainmentSection } from "./attainment-section";
import { BreachesSection } from "./breaches-section";
import { RiskSection } from "./risk-section";
import { ATTAINMENT_SORTS, BREACH_PAGE_PARAM, readBreachPage, readCustomerParam, slaInputs } from "./sla-params";
import { TrendsSection } from "./trends-section";

const SECTIONS = [
  { id: "risk", label: "At risk now" },
  { id: "attainment", label: "Attainment" },
  { id: "trends", label: "Trends" },
  { id: "breaches", label: "Breaches" },
] as const;

/** The SLA page: what is about to breach, how each month stood, how fast we are, and what went wrong. */
export function SlaView({ period }: { period: { from: string; to: string } }) {
  const trpc = useTRPC();
  const url = useUrlParams();
  const customerId = readCustomerParam(url.params.get("customer"));
  const range = useMemo(() => ({ from: new Date(period.from), to: new Date(period.to) }), [period.from, period.to]);
  const list = useMemo(() => readCustomerListParams(url.get, ATTAINMENT_SORTS), [url.get]);
  const breachPage = readBreachPage(url.params.get(BREACH_PAGE_PARAM));
  const input = useMemo(() => slaInputs(customerId, range, list, breachPage), [customerId, range, list, breachPage]);
  // The picked customer's name (the picker reads the same query: one request, prefetched by the page).
  const picked = useQuery({ ...trpc.customers.options.queryOptions({ id: customerId }), enabled: Boolean(customerId) });
  const attainment = useQuery({
    ...trpc.sla.attainment.queryOptions(input.attainment),
    placeholderData: keepPreviousData,
    refetchInterval: 5 * 60_000,
  });
  const selected = customerId ? picked.data?.[0] : undefined;

  return (
    <>
      <PageHeader
        title="SLA"
        description="Clocks at risk now, monthly attainment, response-time trends and every breach with its cause."
        actions={
          <CustomerPicker
            className="w-72 max-w-full"
            value={customerId}
            onChange={(id) => url.set({ customer: id, page: null, [BREACH_PAGE_PARAM]: null })}
          />
        }
      >
        <nav aria-label="Sections of this page" className="-mt-1">
          <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
            {SECTIONS.map((s) => (
              <li key={s.id}>
                <a href={`#${s.id}`} className="rounded-sm text-primary underline-offset-4 hover:underline">
                  {s.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      </PageHeader>
      <div className="grid min-w-0 gap-6">
        <RiskSection input={input.risk} filtered={Boolean(customerId)} />
        <AttainmentSection
          query={attainment}
          list={list}
          filtered={Boolean(customerId)}
          onList={(next) => url.set({ ...next, page: next.page && next.page > 1 ? next.page : null })}
        />
        <TrendsSection query={attainment} customerName={selected?.name} />
        <BreachesSection
          input={input.breaches}
          from={range.from}
          filtered={Boolean(customerId)}
          onPage={(page) => url.set({ [BREACH_PAGE_PARAM]: page > 1 ? page : null })}
        />
      </div>
    </>
  );
}
