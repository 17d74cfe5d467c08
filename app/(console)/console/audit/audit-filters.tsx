"use client";

import { X } from "lucide-react";
import { useEffect, useState } from "react";
import { Button } from "@/app/_components/ui/button";
import { Field } from "@/app/_components/ui/field";
import { Input } from "@/app/_components/ui/input";
import { Select } from "@/app/_components/ui/select";
import { CustomerPicker } from "../_components/customer-picker";
import { type AuditFilters, hasFilters } from "./audit-params";

/** The filter bar. Every change lands in the URL at once, except the actor text, which waits for a pause. */
export function AuditFiltersBar({
  filters,
  actions,
  onChange,
}: {
  filters: AuditFilters;
  actions: readonly string[];
  onChange: (patch: Partial<AuditFilters>) => void;
}) {
  const [actor, setActor] = useState(filters.actor);
  // Follow the URL when it changes from elsewhere (e.g. "Clear filters"), without eating what is being typed.
  useEffect(() => setActor((a) => (a.trim() === filters.actor ? a : filters.actor)), [filters.actor]);
  useEffect(() => {
    if (actor.trim() === filters.actor) return;
    const timer = setTimeout(() => onChange({ actor: actor.trim() }), 350);
    return () => clearTimeout(timer);
  }, [actor, filters.actor, onChange]);

  const knownAction = !filters.action || actions.includes(filters.action);
  return (
    <search
      aria-label="Filter the audit log"
      className="grid gap-3 sm:grid-cols-2 lg:grid-cols-[1.2fr_1.2fr_1fr_auto_auto_auto] lg:items-end"
    >
      <CustomerPicker value={filters.customer || undefined} onChange={(id) => onChange({ customer: id ?? "" })} />
      <Field label="Action">
        <Select placeholder="All actions" value={filters.action} onChange={(e) => onChange({ action: e.target.value })}>
          {knownAction ? null : <option value={filters.action}>{filters.action}</option>}
          {actions.map((a) => (
            <option key={a} value={a}>
              {a}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Actor">
        <Input type="search" placeholder="Name or e-mail" value={actor} onChange={(e) => setActor(e.target.value)} />
      </Field>
      <Field label="From">
        <Input
          type="date"
          value={filters.from}
          max={filters.to || undefined}
          onChange={(e) => onChange({ from: e.target.value })}
          className="lg:w-40"
        />
      </Field>
      <Field label="To">
        <Input
          type="date"
          value={filters.to}
          min={filters.from || undefined}
          onChange={(e) => onChange({ to: e.target.value })}
          className="lg:w-40"
        />
      </Field>
      <Button
        variant="ghost"
        disabled={!hasFilters(filters)}
        onClick={() => {
          setActor("");
          onChange({ customer: "", action: "", actor: "", from: "", to: "" });
        }}
      >
        <X aria-hidden="true" />
        Clear
      </Button>
    </search>
  );
}
