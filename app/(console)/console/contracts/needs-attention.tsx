"use client";

import { CircleCheck, Plus, TriangleAlert } from "lucide-react";
import { Badge } from "@/app/_components/ui/badge";
import { buttonVariants } from "@/app/_components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/app/_components/ui/card";
import Link from "@/app/_components/ui/link";
import type { RouterOutputs } from "../_components/types";
import { LEVEL_RANK, type Level, WarningLines, worstLevel } from "./_components/warnings";

type Row = RouterOutputs["contracts"]["list"][number];

const contractHref = (slug: string) => `/console/customers/${slug}/contract`;

/** Customers whose contract needs a decision or a look, most urgent first; customers without one among them. */
export function NeedsAttention({ rows, canManage }: { rows: Row[]; canManage: boolean }) {
  const items = rows
    .map((r) => ({ row: r, level: (r.version ? worstLevel(r.warnings) : "warning") as Level | null }))
    .filter((x): x is { row: Row; level: Level } => x.level !== null)
    .sort((a, b) => LEVEL_RANK[a.level] - LEVEL_RANK[b.level] || a.row.customerName.localeCompare(b.row.customerName));

  return (
    <Card>
      <CardHeader>
        <CardTitle className="flex items-center gap-2">
          Needs attention
          {items.length ? <Badge tone="warning">{items.length}</Badge> : null}
        </CardTitle>
      </CardHeader>
      <CardContent className="px-0 pb-0">
        {items.length === 0 ? (
          <p className="flex items-center gap-2 px-5 pb-5 text-sm text-muted-foreground">
            <CircleCheck aria-hidden="true" className="size-4 text-success" />
            Nothing due: every customer has a contract in force, within licence, with no renewal decision coming up.
          </p>
        ) : (
          <ul className="divide-y divide-border border-t border-border">
            {items.map(({ row }) => (
              <li
                key={row.customerId}
                className="grid gap-x-6 gap-y-2 px-5 py-3 sm:grid-cols-[minmax(10rem,16rem)_minmax(0,1fr)]"
              >
                <div className="min-w-0">
                  <Link
                    href={contractHref(row.customerSlug)}
                    className="font-medium break-words text-foreground hover:text-primary hover:underline"
                  >
                    {row.customerName}
                  </Link>
                  {row.reference ? (
                    <div className="font-mono text-xs break-all text-muted-foreground">{row.reference}</div>
                  ) : null}
                </div>
                {row.version ? (
                  <WarningLines warnings={row.warnings} />
                ) : (
                  <div className="flex flex-wrap items-center gap-x-4 gap-y-2 text-sm">
                    <span className="flex items-start gap-2">
                      <TriangleAlert aria-hidden="true" className="mt-0.5 size-4 shrink-0 text-warning" />
                      No contract in force: its incidents get no SLA clocks.
                    </span>
                    {canManage ? (
                      <Link
                        href={`${contractHref(row.customerSlug)}?create=1`}
                        className={buttonVariants({ variant: "outline", size: "sm" })}
                      >
                        <Plus aria-hidden="true" />
                        Create contract
                      </Link>
                    ) : null}
                  </div>
                )}
              </li>
            ))}
          </ul>
        )}
      </CardContent>
    </Card>
  );
}
