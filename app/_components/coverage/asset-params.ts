import { CRITICALITIES, type Criticality } from "@/db/schema/assets";

/** The asset list's filters as they appear in the URL. */
export type AssetParams = { customer: string; criticality: string; coverage: string; q: string; page: number };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (v: string) => UUID.test(v);

export function readAssetParams(get: (key: string) => string | null | undefined): AssetParams {
  const value = (key: string) => (get(key) ?? "").trim();
  const page = Number.parseInt(value("page"), 10);
  return {
    customer: isUuid(value("customer")) ? value("customer") : "",
    criticality: (CRITICALITIES as readonly string[]).includes(value("criticality")) ? value("criticality") : "",
    coverage: ["covered", "uncovered"].includes(value("coverage")) ? value("coverage") : "",
    q: value("q").slice(0, 120),
    page: Number.isFinite(page) && page >= 1 && page <= 100_000 ? page : 1,
  };
}

/** The `assets.list` input for these params. */
export const listInput = (p: AssetParams) => ({
  ...(p.customer ? { customerId: p.customer } : {}),
  ...(p.criticality ? { criticality: p.criticality as Criticality } : {}),
  ...(p.coverage ? { coverage: p.coverage as "covered" | "uncovered" } : {}),
  ...(p.q ? { q: p.q } : {}),
  page: p.page,
  pageSize: 50,
});

export const assetHref = (a: { id: string; customerId: string }) =>
  `/console/assets/${a.id}?customer=${encodeURIComponent(a.customerId)}`;
