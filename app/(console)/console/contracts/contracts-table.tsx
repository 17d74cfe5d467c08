"use client";

import { CircleCheck, Plus } from "lucide-react";
import { Badge } from "@/app/_components/ui/badge";
import Link from "@/app/_components/ui/link";
import { Table, TBody, TD, TH, THead, TR } from "@/app/_components/ui/table";
import {
  type CoverageLike,
  coverageSummary,
  formatPlainDate,
  weekdayGroups,
  zoneLabel,
} from "@/app/_lib/contract-terms";
import { TIER_LABELS, TIER_SHORT } from "@/server/contracts/templates";
import type { RouterOutputs } from "../_components/types";
import { Usage } from "./_components/usage";
import { WarningBadges } from "./_components/warnings";

type Row = RouterOutputs["contracts"]["list"][number];

export function ContractsTable({ rows, canManage }: { rows: Row[]; canManage: boolean }) {
  return (
    <Table framed>
      <caption className="sr-only">Contracts in force, one row per active customer</caption>
      <THead>
        <TR>
          <TH>Customer</TH>
          <TH className="hidden md:table-cell">Term</TH>
          <TH className="hidden lg:table-cell">Coverage</TH>
          <TH className="text-right whitespace-normal">Deployed / licensed</TH>
          <TH className="hidden sm:table-cell">Attention</TH>
        </TR>
      </THead>
      <TBody>
        {rows.map((r) => {
          const v = r.version;
          const href = `/console/customers/${r.customerSlug}/contract`;
          return (
            <TR key={r.customerId} className="align-top">
              <TD className="max-w-64 min-w-32 align-top">
                <Link
                  href={href}
                  className="block font-medium break-words text-foreground hover:text-primary hover:underline"
                >
                  {r.customerName}
                </Link>
                {v ? (
                  <div className="mt-0.5 flex flex-wrap items-center gap-x-1.5 gap-y-0.5">
                    <Badge tone="primary" title={TIER_LABELS[v.tier]}>
                      {TIER_SHORT[v.tier]}
                    </Badge>
                    {r.reference ? (
                      <span className="font-mono text-xs break-all text-muted-foreground">{r.reference}</span>
                    ) : null}
                  </div>
                ) : null}
                {v ? (
                  <div className="mt-1 grid gap-1 text-xs text-muted-foreground lg:hidden">
                    <span className="md:hidden">until {formatPlainDate(v.endDate)}</span>
                    <span>{coverageSummary(v.coverage)}</span>
                  </div>
                ) : (
                  <div className="mt-1.5 md:hidden">
                    <NoContract href={href} canManage={canManage} />
                  </div>
                )}
              </TD>
              {v ? (
                <>
                  <TD className="hidden align-top md:table-cell">
                    <span className="whitespace-nowrap">{formatPlainDate(v.startDate)} –</span>{" "}
                    <span className="whitespace-nowrap">{formatPlainDate(v.endDate)}</span>
                    <div className="text-xs text-muted-foreground">
                      {v.autoRenew ? `Auto-renews · ${v.noticeDays} days' notice` : "Ends without renewal"}
                    </div>
                  </TD>
                  <TD className="hidden align-top lg:table-cell">
                    <CoverageLines coverage={v.coverage} />
                  </TD>
                </>
              ) : (
                <TD colSpan={2} className="hidden align-top md:table-cell">
                  <NoContract href={href} canManage={canManage} />
                </TD>
              )}
              <TD className="text-right align-top">
                <div className="grid justify-items-end gap-0.5">
                  <Usage deployed={r.deployment.endpoints} licensed={v?.licensedEndpoints ?? null} noun="endpoints" />
                  <Usage deployed={r.deployment.activeSensors} licensed={v?.licensedSensors ?? null} noun="sensors" />
                </div>
              </TD>
              <TD className="hidden align-top sm:table-cell">
                {!v ? (
                  <span className="text-muted-foreground">—</span>
                ) : r.warnings.length ? (
                  <WarningBadges warnings={r.warnings} className="max-w-52 min-w-36" />
                ) : (
                  <Badge tone="success">
                    <CircleCheck aria-hidden="true" />
                    OK
                  </Badge>
                )}
              </TD>
            </TR>
          );
        })}
      </TBody>
    </Table>
  );
}

function CoverageLines({ coverage }: { coverage: CoverageLike }) {
  if (coverage.kind === "24x7") return <>24/7</>;
  const groups = weekdayGroups(coverage.weekdays);
  return (
    <div className="grid min-w-32">
      {groups.length ? (
        groups.map((g) => (
          <span key={g.days}>
            {g.days} {g.hours}
          </span>
        ))
      ) : (
        <span>No covered hours</span>
      )}
      <span className="text-xs text-muted-foreground">
        {zoneLabel(coverage.timeZone)}
        {coverage.holidays.length
          ? ` · ${coverage.holidays.length} ${coverage.holidays.length === 1 ? "holiday" : "holidays"}`
          : ""}
      </span>
    </div>
  );
}

function NoContract({ href, canManage }: { href: string; canManage: boolean }) {
  return (
    <span className="flex flex-wrap items-center gap-x-3 gap-y-1">
      <Badge tone="neutral">No contract</Badge>
      {canManage ? (
        <Link
          href={`${href}?create=1`}
          className="inline-flex items-center gap-1 text-xs font-medium text-primary hover:underline"
        >
          <Plus aria-hidden="true" className="size-3.5" />
          Create
        </Link>
      ) : null}
    </span>
  );
}
