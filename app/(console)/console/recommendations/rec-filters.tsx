"use client";

import { Field } from "@/app/_components/ui/field";
import { Select } from "@/app/_components/ui/select";
import { REC_SEVERITIES } from "@/server/recommendations/facts";
import { ORIGIN_LABELS, SEVERITY_LABELS } from "@/server/recommendations/labels";
import { REC_ORIGINS, REC_STATUSES, STATUS_LABELS } from "@/server/recommendations/lifecycle";
import { CustomerPicker } from "../_components/customer-picker";
import type { RecFilters } from "./rec-params";

/** Customer, status, severity and origin; every choice lives in the URL. */
export function RecFiltersBar({ filters, set }: { filters: RecFilters; set: (patch: Record<string, string>) => void }) {
  return (
    <search aria-label="Filter recommendations" className="grid grid-cols-2 gap-x-3 gap-y-2 lg:grid-cols-4">
      <CustomerPicker value={filters.customer || undefined} onChange={(id) => set({ customer: id ?? "" })} />
      <Field label="Status">
        <Select value={filters.status} onChange={(e) => set({ status: e.target.value })}>
          <option value="">Open and accepted</option>
          {REC_STATUSES.map((s) => (
            <option key={s} value={s}>
              {STATUS_LABELS[s]}
            </option>
          ))}
          <option value="all">All statuses</option>
        </Select>
      </Field>
      <Field label="Severity">
        <Select placeholder="Any severity" value={filters.severity} onChange={(e) => set({ severity: e.target.value })}>
          {REC_SEVERITIES.map((s) => (
            <option key={s} value={s}>
              {SEVERITY_LABELS[s]}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Origin">
        <Select placeholder="Any origin" value={filters.origin} onChange={(e) => set({ origin: e.target.value })}>
          {REC_ORIGINS.map((o) => (
            <option key={o} value={o}>
              {ORIGIN_LABELS[o]}
            </option>
          ))}
        </Select>
      </Field>
    </search>
  );
}
