"use client";

import { AssetDetail, type AssetDetailData } from "@/app/_components/coverage/asset-detail";
import { When } from "../../../incidents/_components/when";

export function MyAssetDetail({ asset, timeZone }: { asset: AssetDetailData; timeZone: string }) {
  return (
    <AssetDetail
      asset={asset}
      date={(d) => <When value={d} timeZone={timeZone} />}
      incidentHref={(id) => `/portal/incidents/${id}`}
      incidentLabel={(i) => `#${i.number}`}
    />
  );
}
