"use client";

import { useQuery } from "@tanstack/react-query";
import { Card } from "@/app/_components/ui/card";
import { LoadingState } from "@/app/_components/ui/states";
import { useTRPC } from "@/app/_lib/trpc/client";
import { QueryError } from "../_components/query-error";
import { BrandingForm } from "./branding-form";

/** The provider settings page body: loads the branding, then the form. */
export function BrandingSettings({ canManage, sampleMonth }: { canManage: boolean; sampleMonth: string }) {
  const trpc = useTRPC();
  const query = useQuery(trpc.provider.settings.queryOptions());
  if (query.isPending) return <LoadingState label="Loading the branding…" />;
  if (query.isError)
    return (
      <Card>
        <QueryError title="Could not load the branding" error={query.error} onRetry={() => query.refetch()} />
      </Card>
    );
  return <BrandingForm saved={query.data} canManage={canManage} sampleMonth={sampleMonth} />;
}
