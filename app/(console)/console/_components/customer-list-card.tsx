"use client";

import { type LucideIcon, SearchX } from "lucide-react";
import type { ReactNode } from "react";
import { Button } from "@/app/_components/ui/button";
import { Card } from "@/app/_components/ui/card";
import { Pager } from "@/app/_components/ui/pager";
import { EmptyState } from "@/app/_components/ui/states";
import { cn } from "@/app/_lib/cn";
import { type CustomerListParams, type ListChange, toolbarChange } from "./customer-list-params";
import { CustomerListToolbar } from "./customer-list-toolbar";

export type { ListChange };

/**
 * A paged customer list's frame: search and sort (to the URL, back to the first page; the first sort is the default and
 * leaves the URL), the rows in a card, "no match" and "nothing on this page" states, and the pager.
 */
export function CustomerListCard<S extends string>({
  list,
  sorts,
  page,
  pageSize,
  total,
  empty,
  fading,
  icon,
  onList,
  children,
}: {
  list: CustomerListParams<S>;
  sorts: readonly { value: S; label: string }[];
  page: number;
  pageSize: number;
  total: number;
  /** No rows on this page. */
  empty: boolean;
  /** The rows shown are the previous query's while the next one loads. */
  fading: boolean;
  icon: LucideIcon;
  onList: (next: ListChange) => void;
  children: ReactNode;
}) {
  return (
    <div className="grid gap-3">
      <CustomerListToolbar
        q={list.q}
        sort={list.sort}
        sorts={sorts}
        onChange={(next) => onList(toolbarChange(next, sorts[0]?.value))}
      />
      <Card className={cn("overflow-hidden", fading && "opacity-60")}>
        {empty ? (
          list.q ? (
            <EmptyState
              icon={SearchX}
              title={`No customer matches “${list.q}”`}
              action={
                <Button variant="outline" size="sm" onClick={() => onList({ q: null, page: null })}>
                  Clear search
                </Button>
              }
            />
          ) : (
            <EmptyState
              icon={icon}
              title="No customers on this page"
              action={
                <Button variant="outline" size="sm" onClick={() => onList({ page: null })}>
                  Go to the first page
                </Button>
              }
            />
          )
        ) : (
          children
        )}
        {total > 0 ? (
          <div className="border-t border-border px-4 py-3 sm:px-5">
            <Pager
              page={page}
              pageSize={pageSize}
              total={total}
              noun="customer"
              label="Pages of customers"
              onPage={(p) => onList({ page: p > 1 ? p : null })}
            />
          </div>
        ) : null}
      </Card>
    </div>
  );
}
