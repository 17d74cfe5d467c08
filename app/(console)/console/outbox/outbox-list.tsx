"use client";

import { keepPreviousData, useQueries } from "@tanstack/react-query";
import { Inbox, SearchX } from "lucide-react";
import { useEffect, useState } from "react";
import { Button } from "@/app/_components/ui/button";
import { Card } from "@/app/_components/ui/card";
import { EmptyState } from "@/app/_components/ui/states";
import { useTRPC } from "@/app/_lib/trpc/client";
import { useUrlParams } from "@/app/_lib/use-url-params";
import { FilterInput } from "../_components/filter-input";
import { TableSkeleton } from "../_components/page-skeleton";
import { QueryError } from "../_components/query-error";
import { OutboxTable } from "./outbox-table";

/** The outbox, newest first: a search (in the URL, `?q=`) and "Load more" pages keyed by a cursor. */
export function OutboxList() {
  const trpc = useTRPC();
  const url = useUrlParams();
  const q = url.get("q").trim();
  const [text, setText] = useState(q);
  const [paging, setPaging] = useState<{ q: string; befores: (string | undefined)[] }>({ q, befores: [undefined] });
  const befores = paging.q === q ? paging.befores : [undefined];

  useEffect(() => {
    if (text.trim() === q) return;
    const timer = setTimeout(() => url.set({ q: text.trim() || null }), 300);
    return () => clearTimeout(timer);
  }, [text, q, url.set]);

  const pages = useQueries({
    queries: befores.map((before, i) => ({
      ...trpc.outbox.list.queryOptions({ q: q || undefined, cursor: before }),
      placeholderData: i === 0 ? keepPreviousData : undefined,
    })),
  });
  const first = pages[0]!;
  const last = pages[pages.length - 1]!;
  const items = pages.flatMap((p) => p.data?.items ?? []);
  const nextBefore = last.data?.nextCursor ?? null;

  const search = (
    <FilterInput label="Search e-mails" placeholder="Search recipient or subject…" value={text} onChange={setText} />
  );

  if (first.isPending) {
    return (
      <div className="grid gap-3">
        {search}
        <TableSkeleton rows={8} />
      </div>
    );
  }
  if (first.isError && !first.data) {
    return (
      <Card>
        <QueryError title="Could not load the outbox" error={first.error} onRetry={() => first.refetch()} />
      </Card>
    );
  }

  return (
    <div className="grid gap-3">
      {search}
      {items.length === 0 ? (
        <Card>
          {q ? (
            <EmptyState
              icon={SearchX}
              title={`No e-mails match “${q}”`}
              description="The search looks at recipients and subjects."
              action={
                <Button variant="outline" size="sm" onClick={() => setText("")}>
                  Clear search
                </Button>
              }
            />
          ) : (
            <EmptyState
              icon={Inbox}
              title="No e-mails yet"
              description="Invitations and password resets appear here. Without an SMTP server, this is where they wait."
            />
          )}
        </Card>
      ) : (
        <div className={first.isPlaceholderData ? "grid gap-3 opacity-60 transition-opacity" : "grid gap-3"}>
          <OutboxTable items={items} />
          <div className="flex flex-wrap items-center justify-between gap-3 text-sm text-muted-foreground">
            <span aria-live="polite">
              Showing {nextBefore ? "" : "all "}
              {items.length} e-mail{items.length === 1 ? "" : "s"}
              {q ? ` matching “${q}”` : ""}
            </span>
            {nextBefore ? (
              <Button
                variant="outline"
                loading={last.isFetching}
                onClick={() => setPaging({ q, befores: [...befores, nextBefore] })}
              >
                Load older e-mails
              </Button>
            ) : null}
          </div>
          {last.isError ? (
            <p role="alert" className="text-sm text-destructive">
              Could not load more e-mails. Try again.
            </p>
          ) : null}
        </div>
      )}
    </div>
  );
}
