"use client";

import { SlidersHorizontal } from "lucide-react";
import { useState } from "react";
import { Button } from "@/app/_components/ui/button";
import { Field } from "@/app/_components/ui/field";
import { Input } from "@/app/_components/ui/input";
import { Select } from "@/app/_components/ui/select";
import { SOURCE_FORMATS } from "@/db/schema/sensors";
import { AGE_BUCKETS, AGE_LABELS } from "@/server/alerts/schema";
import { SOURCE_FORMAT_LABELS } from "@/server/sensors/schema";
import { CustomerPicker } from "../_components/customer-picker";
import { MIN_SEVERITY_OPTIONS } from "../_components/severity";
import { useDebouncedText } from "../_components/use-debounced-text";
import { CoverageField } from "./coverage-field";
import { FILTER_KEYS, QUEUE_STATUSES, type QueueFilters, techniqueValid } from "./queue-params";

type Patch = Partial<Record<Exclude<keyof QueueFilters, "page">, string>>;

const upper = (v: string) => v.trim().toUpperCase();

export function QueueFiltersBar({
  filters,
  staff,
  selfId,
  onChange,
}: {
  filters: QueueFilters;
  staff: readonly { userId: string; name: string }[];
  selfId: string;
  onChange: (patch: Patch) => void;
}) {
  const [q, setQ] = useDebouncedText(filters.q, (v) => onChange({ q: v }));
  const [technique, setTechnique] = useDebouncedText(filters.technique, (v) => onChange({ technique: v }), upper);
  // The committed value decides: the view explains an id that is not applied, so typing stays quiet.
  const techniqueInvalid = !techniqueValid(filters.technique);
  const knownAssignee =
    !filters.assignee || filters.assignee === "mine" || staff.some((s) => s.userId === filters.assignee);

  const [expanded, setExpanded] = useState(false);
  const active = FILTER_KEYS.filter((k) => k !== "q" && filters[k] !== "").length;
  const more = expanded ? undefined : "hidden lg:grid";

  return (
    <search aria-label="Filter the queue" className="grid grid-cols-2 gap-x-3 gap-y-2 sm:grid-cols-3 lg:grid-cols-4">
      <div className="col-span-2 flex items-end gap-2 sm:col-span-3 lg:col-span-1">
        <Field label="Search" className="min-w-0 flex-1">
          <Input
            type="search"
            placeholder="Title or vendor alert id"
            value={q}
            maxLength={120}
            onChange={(e) => setQ(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === "Escape" && q) {
                e.preventDefault();
                setQ("");
              }
            }}
          />
        </Field>
        <Button
          variant="outline"
          className="lg:hidden"
          aria-expanded={expanded}
          aria-controls={undefined}
          onClick={() => setExpanded((x) => !x)}
        >
          <SlidersHorizontal aria-hidden="true" />
          Filters{active ? ` (${active})` : ""}
        </Button>
      </div>
      <CustomerPicker
        className={more}
        value={filters.customer || undefined}
        onChange={(id) => onChange({ customer: id ?? "" })}
      />
      <CoverageField className={more} value={filters.coverage} onChange={(coverage) => onChange({ coverage })} />
      <Field label="Severity" className={more}>
        <Select
          placeholder="Any severity"
          value={filters.severity}
          onChange={(e) => onChange({ severity: e.target.value })}
        >
          {MIN_SEVERITY_OPTIONS.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Status" className={more}>
        <Select value={filters.status} onChange={(e) => onChange({ status: e.target.value })}>
          {QUEUE_STATUSES.map((s) => (
            <option key={s.value} value={s.value}>
              {s.label}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Source" className={more}>
        <Select placeholder="All sources" value={filters.source} onChange={(e) => onChange({ source: e.target.value })}>
          {SOURCE_FORMATS.map((s) => (
            <option key={s} value={s}>
              {SOURCE_FORMAT_LABELS[s]}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Technique" className={more}>
        <Input
          value={technique}
          placeholder="e.g. T1059.001"
          spellCheck={false}
          autoComplete="off"
          maxLength={12}
          aria-invalid={techniqueInvalid || undefined}
          className="font-mono uppercase placeholder:font-sans placeholder:normal-case"
          onChange={(e) => setTechnique(e.target.value)}
        />
      </Field>
      <Field label="Age" className={more}>
        <Select placeholder="Any age" value={filters.age} onChange={(e) => onChange({ age: e.target.value })}>
          {AGE_BUCKETS.map((a) => (
            <option key={a} value={a}>
              {AGE_LABELS[a]}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Assignee" className={more}>
        <Select placeholder="Anyone" value={filters.assignee} onChange={(e) => onChange({ assignee: e.target.value })}>
          <option value="mine">Assigned to me</option>
          {knownAssignee ? null : <option value={filters.assignee}>Someone else</option>}
          <optgroup label="Staff">
            {staff
              .filter((s) => s.userId !== selfId)
              .map((s) => (
                <option key={s.userId} value={s.userId}>
                  {s.name}
                </option>
              ))}
          </optgroup>
        </Select>
      </Field>
    </search>
  );
}
