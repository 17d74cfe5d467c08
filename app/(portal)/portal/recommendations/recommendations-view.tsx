"use client";

import { useQuery } from "@tanstack/react-query";
import { Lightbulb } from "lucide-react";
import { RecStatusBadge } from "@/app/_components/posture/rec-badges";
import { SeverityBadge } from "@/app/_components/ui/badge";
import { Card } from "@/app/_components/ui/card";
import { Field } from "@/app/_components/ui/field";
import { PageHeader } from "@/app/_components/ui/page-header";
import { Select } from "@/app/_components/ui/select";
import { EmptyState, ErrorState, LoadingState } from "@/app/_components/ui/states";
import { useTRPC } from "@/app/_lib/trpc/client";
import { useUrlParams } from "@/app/_lib/use-url-params";
import { formatDate } from "@/lib/format";
import { CATEGORY_LABELS, ORIGIN_LABELS } from "@/server/recommendations/labels";
import { trpcErrorInfo } from "../_lib/labels";
import { RecommendationDialog } from "./recommendation-dialog";
import { STATUS_FILTERS, statusInput } from "./status-filter";

export function RecommendationsView({ timeZone, canRespond }: { timeZone: string; canRespond: boolean }) {
  const trpc = useTRPC();
  const url = useUrlParams();
  const status = url.params.get("status") ?? "";
  const open = url.params.get("open") ?? "";
  const list = useQuery(trpc.myRecommendations.list.queryOptions(statusInput(status)));
  return (
    <>
      <PageHeader
        title="Recommendations"
        description="What we advise you to do, with the evidence behind each. Done ones raise your posture score."
      />
      <div className="grid gap-4">
        <div className="flex flex-wrap items-end gap-3">
          <Field label="Show">
            <Select value={status} onChange={(e) => url.set({ status: e.target.value })}>
              {STATUS_FILTERS.map((f) => (
                <option key={f.value} value={f.value}>
                  {f.label}
                </option>
              ))}
            </Select>
          </Field>
        </div>
        {list.isPending ? (
          <LoadingState label="Loading recommendations…" />
        ) : list.isError ? (
          <ErrorState
            title="Could not load recommendations"
            message={trpcErrorInfo(list.error).message}
            onRetry={() => list.refetch()}
          />
        ) : list.data.length === 0 ? (
          <Card>
            <EmptyState
              icon={Lightbulb}
              title="No recommendations here"
              description="Nothing in this list right now."
            />
          </Card>
        ) : (
          <ul className="grid gap-3">
            {list.data.map((r) => (
              <li key={r.id}>
                <Card className="grid gap-2 p-4">
                  <div className="flex flex-wrap items-center gap-2">
                    <SeverityBadge severity={r.severity} />
                    <RecStatusBadge status={r.status} />
                    <span className="text-xs text-muted-foreground">
                      {CATEGORY_LABELS[r.category]} · {ORIGIN_LABELS[r.origin]} · raised{" "}
                      {formatDate(r.createdAt, timeZone)}
                    </span>
                  </div>
                  <button
                    type="button"
                    className="min-w-0 break-words text-left text-sm font-semibold text-primary underline-offset-4 hover:underline"
                    onClick={() => url.set({ open: r.id })}
                  >
                    {r.title}
                  </button>
                  <p className="line-clamp-2 break-words text-sm text-muted-foreground">{r.body}</p>
                </Card>
              </li>
            ))}
          </ul>
        )}
      </div>
      {open ? (
        <RecommendationDialog
          id={open}
          timeZone={timeZone}
          canRespond={canRespond}
          onClose={() => url.set({ open: null })}
        />
      ) : null}
    </>
  );
}
