"use client";

import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Monitor } from "lucide-react";
import { useMemo } from "react";
import { readAssetParams } from "@/app/_components/coverage/asset-params";
import { AssetTable } from "@/app/_components/coverage/asset-table";
import { EdrCoverage } from "@/app/_components/coverage/edr-coverage";
import { ImportDialog } from "@/app/_components/coverage/import-dialog";
import { CRITICALITY_LABELS } from "@/app/_components/coverage/labels";
import { Card } from "@/app/_components/ui/card";
import { Field } from "@/app/_components/ui/field";
import { Pager } from "@/app/_components/ui/pager";
import { Select } from "@/app/_components/ui/select";
import { EmptyState, ErrorState, LoadingState } from "@/app/_components/ui/states";
import { useTRPC } from "@/app/_lib/trpc/client";
import { useUrlParams } from "@/app/_lib/use-url-params";
import { CRITICALITIES, type Criticality } from "@/db/schema/assets";
import { When } from "../../incidents/_components/when";

const href = (id: string) => `/portal/coverage/assets/${id}`;

export function MyAssetsView({ timeZone, canImport }: { timeZone: string; canImport: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const url = useUrlParams();
  const p = useMemo(() => readAssetParams((k) => url.params.get(k)), [url.params]);
  const input = {
    ...(p.criticality ? { criticality: p.criticality as Criticality } : {}),
    ...(p.coverage ? { coverage: p.coverage as "covered" | "uncovered" } : {}),
    page: p.page,
    pageSize: 50,
  };
  const coverage = useQuery(trpc.myAssets.coverage.queryOptions());
  const list = useQuery({ ...trpc.myAssets.list.queryOptions(input), placeholderData: keepPreviousData });
  const importer = useMutation(
    trpc.myAssets.import.mutationOptions({
      onSuccess: (r) => {
        if (r.ok) void queryClient.invalidateQueries({ queryKey: trpc.myAssets.pathKey() });
      },
    }),
  );
  return (
    <div className="grid gap-4">
      {coverage.data ? <EdrCoverage data={coverage.data} hrefFor={href} plain /> : null}
      {coverage.isError ? <ErrorState title="Coverage could not be loaded" onRetry={() => coverage.refetch()} /> : null}
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div className="grid grid-cols-2 gap-3">
          <Field label="Criticality">
            <Select
              placeholder="Any"
              value={p.criticality}
              onChange={(e) => url.set({ criticality: e.target.value, page: null })}
            >
              {[...CRITICALITIES].reverse().map((c) => (
                <option key={c} value={c}>
                  {CRITICALITY_LABELS[c]}
                </option>
              ))}
            </Select>
          </Field>
          <Field label="Endpoint agent">
            <Select
              placeholder="Covered or not"
              value={p.coverage}
              onChange={(e) => url.set({ coverage: e.target.value, page: null })}
            >
              <option value="covered">Covered</option>
              <option value="uncovered">Not covered</option>
            </Select>
          </Field>
        </div>
        {canImport ? (
          <ImportDialog pending={importer.isPending} onImport={(csv) => importer.mutateAsync({ csv })} />
        ) : null}
      </div>
      {list.isPending ? (
        <LoadingState label="Loading assets…" />
      ) : list.isError ? (
        <Card>
          <ErrorState title="Assets could not be loaded" onRetry={() => list.refetch()} />
        </Card>
      ) : list.data.total === 0 ? (
        <Card>
          <EmptyState
            icon={Monitor}
            title={p.criticality || p.coverage ? "No assets match" : "No assets yet"}
            description="Hosts appear here as your sensors report them. Your administrators can also import a list."
          />
        </Card>
      ) : (
        <div className="grid gap-3">
          <AssetTable
            rows={list.data.rows}
            hrefFor={(a) => href(a.id)}
            date={(d) => <When value={d} timeZone={timeZone} mode="date" />}
          />
          <Pager
            page={p.page}
            pageSize={50}
            total={list.data.total}
            noun="asset"
            onPage={(page) => url.set({ page: page === 1 ? null : page })}
          />
        </div>
      )}
    </div>
  );
}
