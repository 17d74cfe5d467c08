"use client";

import { AssetDetail } from "@/app/_components/coverage/asset-detail";
import { hostLabel } from "@/app/_components/coverage/labels";
import { PageHeader } from "@/app/_components/ui/page-header";
import { DateTime } from "../../_components/date-time";
import type { RouterOutputs } from "../../_components/types";

type Asset = RouterOutputs["assets"]["byId"];

export function AssetView({
  asset,
  customerId,
  customerName,
}: {
  asset: Asset;
  customerId: string;
  customerName: string;
}) {
  return (
    <>
      <PageHeader
        title={hostLabel(asset)}
        description={`${customerName}: what is known about this host, which sensors report it and the open incidents that involve it.`}
        breadcrumbs={[
          { label: "Assets", href: "/console/assets" },
          { label: customerName, href: `/console/assets?customer=${customerId}` },
          { label: hostLabel(asset) },
        ]}
      />
      <AssetDetail
        asset={asset}
        date={(d) => <DateTime value={d} />}
        incidentHref={(id) => `/console/incidents/${id}`}
        incidentLabel={(i) => `#${i.number}`}
      />
    </>
  );
}
