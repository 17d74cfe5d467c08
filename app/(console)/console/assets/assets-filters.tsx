"use client";

import { useEffect, useState } from "react";
import type { AssetParams } from "@/app/_components/coverage/asset-params";
import { CRITICALITY_LABELS } from "@/app/_components/coverage/labels";
import { Field } from "@/app/_components/ui/field";
import { Input } from "@/app/_components/ui/input";
import { Select } from "@/app/_components/ui/select";
import { CRITICALITIES } from "@/db/schema/assets";
import { CustomerPicker } from "../_components/customer-picker";

/** Customer, criticality, EDR coverage and a search box; every change resets to page 1. */
export function AssetsFilters({
  params,
  onChange,
}: {
  params: AssetParams;
  onChange: (patch: Record<string, string>) => void;
}) {
  const [q, setQ] = useState(params.q);
  useEffect(() => setQ((v) => (v.trim() === params.q ? v : params.q)), [params.q]);
  useEffect(() => {
    if (q.trim() === params.q) return;
    const timer = setTimeout(() => onChange({ q: q.trim(), page: "" }), 250);
    return () => clearTimeout(timer);
  }, [q, params.q, onChange]);
  return (
    <search aria-label="Filter assets" className="grid grid-cols-2 items-end gap-3 lg:grid-cols-[1.3fr_1fr_1fr_1.4fr]">
      <CustomerPicker
        className="col-span-2 sm:col-span-1"
        value={params.customer || undefined}
        onChange={(id) => onChange({ customer: id ?? "", page: "" })}
      />
      <Field label="Criticality">
        <Select
          placeholder="Any"
          value={params.criticality}
          onChange={(e) => onChange({ criticality: e.target.value, page: "" })}
        >
          {[...CRITICALITIES].reverse().map((c) => (
            <option key={c} value={c}>
              {CRITICALITY_LABELS[c]}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="EDR">
        <Select
          placeholder="Covered or not"
          value={params.coverage}
          onChange={(e) => onChange({ coverage: e.target.value, page: "" })}
        >
          <option value="covered">Covered</option>
          <option value="uncovered">Not covered</option>
        </Select>
      </Field>
      <Field label="Search" className="col-span-2 lg:col-span-1">
        <Input
          type="search"
          placeholder="Host, IP, owner or agent id"
          value={q}
          onChange={(e) => setQ(e.target.value)}
        />
      </Field>
    </search>
  );
}
