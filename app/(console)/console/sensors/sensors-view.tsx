"use client";

import { useQuery } from "@tanstack/react-query";
import { MapPin, Radar, SearchX, X } from "lucide-react";
import { useCallback, useEffect, useMemo, useState } from "react";
import { Button } from "@/app/_components/ui/button";
import { Card } from "@/app/_components/ui/card";
import { Field } from "@/app/_components/ui/field";
import { Input } from "@/app/_components/ui/input";
import Link from "@/app/_components/ui/link";
import { PageHeader } from "@/app/_components/ui/page-header";
import { Select } from "@/app/_components/ui/select";
import { EmptyState } from "@/app/_components/ui/states";
import { Table, TBody, TD, TH, THead, TR } from "@/app/_components/ui/table";
import { cn } from "@/app/_lib/cn";
import { useTRPC } from "@/app/_lib/trpc/client";
import { useUrlParams } from "@/app/_lib/use-url-params";
import type { SensorState as SensorHealth } from "@/server/coverage/health";
import { CustomerPicker } from "../_components/customer-picker";
import { DateTime } from "../_components/date-time";
import { TableSkeleton } from "../_components/page-skeleton";
import { QueryError } from "../_components/query-error";
import type { RouterOutputs } from "../_components/types";
import { AddSensorDialog } from "./add-sensor-dialog";
import { HealthCell } from "./health-badge";
import {
  formatCount,
  formatEps,
  HEALTH_LABELS,
  HEALTH_STATES,
  SENSOR_CLASS_LABELS,
  SENSOR_CLASSES,
  SOURCE_FORMAT_LABELS,
  vendorProduct,
} from "./sensor-labels";
import { hasSensorFilters, NO_FILTERS, readSensorFilters, type SensorFilters, sensorHref } from "./sensor-params";

type Sensor = RouterOutputs["sensors"]["all"][number];

export function SensorsView({ canManage }: { canManage: boolean }) {
  const trpc = useTRPC();
  const url = useUrlParams();
  const filters = useMemo(() => readSensorFilters((k) => url.params.get(k)), [url.params]);
  const setFilters = useCallback((patch: Partial<SensorFilters>) => url.set(patch), [url.set]);
  const sensors = useQuery(trpc.sensors.all.queryOptions());

  const all = sensors.data ?? [];
  const filtered = useMemo(() => applyFilters(sensors.data ?? [], filters), [sensors.data, filters]);
  const counts = useMemo(() => countByHealth(applyFilters(all, { ...filters, health: "" })), [all, filters]);

  return (
    <>
      <PageHeader
        title="Sensors"
        description="Every customer's sensors and integrations, their health and their intake keys."
        actions={canManage ? <AddSensorDialog defaultCustomerId={filters.customer} /> : null}
      />
      <div className="grid gap-4">
        <FiltersBar filters={filters} onChange={setFilters} />
        {sensors.isPending ? (
          <TableSkeleton rows={6} />
        ) : sensors.isError ? (
          <Card>
            <QueryError title="Could not load sensors" error={sensors.error} onRetry={() => sensors.refetch()} />
          </Card>
        ) : all.length === 0 ? (
          <Card>
            <EmptyState
              icon={Radar}
              title="No sensors yet"
              description="Add a customer's EDR, network sensor or SIEM here: it gets an API key to send alerts and heartbeats."
              action={canManage ? <AddSensorDialog label="Add the first sensor" /> : null}
            />
          </Card>
        ) : (
          <>
            <HealthSummary
              counts={counts}
              active={filters.health}
              onPick={(health) => setFilters({ health: filters.health === health ? "" : health })}
            />
            {filtered.length === 0 ? (
              <Card>
                <EmptyState
                  icon={SearchX}
                  title="No sensors match these filters"
                  description={
                    filters.customer && !all.some((s) => s.customerId === filters.customer)
                      ? "This customer has no sensors yet."
                      : "Clear a filter to see more."
                  }
                  action={
                    <>
                      <Button variant="outline" size="sm" onClick={() => setFilters(NO_FILTERS)}>
                        Clear filters
                      </Button>
                      {canManage && filters.customer ? (
                        <AddSensorDialog defaultCustomerId={filters.customer} label="Add a sensor" />
                      ) : null}
                    </>
                  }
                />
              </Card>
            ) : (
              <SensorsTable rows={filtered} />
            )}
          </>
        )}
      </div>
    </>
  );
}

function applyFilters(rows: Sensor[], f: SensorFilters) {
  const needle = f.q.toLowerCase();
  return rows.filter(
    (s) =>
      (!f.customer || s.customerId === f.customer) &&
      (!f.class || s.sensorClass === f.class) &&
      (!f.health || s.health === f.health) &&
      (!needle ||
        [s.name, s.vendor, s.product, s.site ?? "", s.customerName, s.agentVersion ?? ""].some((v) =>
          v.toLowerCase().includes(needle),
        )),
  );
}

function countByHealth(rows: Sensor[]) {
  const counts = Object.fromEntries(HEALTH_STATES.map((h) => [h, 0])) as Record<SensorHealth, number>;
  for (const s of rows) counts[s.health] += 1;
  return { total: rows.length, counts };
}

const SUMMARY_TONE: Record<SensorHealth, string> = {
  silent: "text-destructive",
  degraded: "text-warning",
  pending: "text-muted-foreground",
  healthy: "text-success",
  retired: "text-muted-foreground",
};

/** "14 sensors · 2 silent · 1 degraded…", each count a toggle for the health filter. */
function HealthSummary({
  counts,
  active,
  onPick,
}: {
  counts: ReturnType<typeof countByHealth>;
  active: string;
  onPick: (health: SensorHealth) => void;
}) {
  return (
    <div className="flex flex-wrap items-center gap-x-1 gap-y-2 text-sm" aria-live="polite">
      <span className="mr-2 text-muted-foreground">
        {counts.total} sensor{counts.total === 1 ? "" : "s"}
      </span>
      {HEALTH_STATES.filter((h) => counts.counts[h] > 0).map((h) => (
        <button
          key={h}
          type="button"
          aria-pressed={active === h}
          onClick={() => onPick(h)}
          className={cn(
            "inline-flex items-center gap-1.5 rounded-md border px-2 py-1 text-xs font-medium transition-colors",
            active === h ? "border-ring bg-accent" : "border-border bg-card hover:bg-accent",
          )}
        >
          <span className={cn("tabular-nums", SUMMARY_TONE[h])}>{counts.counts[h]}</span>
          {HEALTH_LABELS[h].toLowerCase()}
        </button>
      ))}
    </div>
  );
}

function FiltersBar({
  filters,
  onChange,
}: {
  filters: SensorFilters;
  onChange: (patch: Partial<SensorFilters>) => void;
}) {
  const [q, setQ] = useState(filters.q);
  useEffect(() => setQ((v) => (v.trim() === filters.q ? v : filters.q)), [filters.q]);
  useEffect(() => {
    if (q.trim() === filters.q) return;
    const timer = setTimeout(() => onChange({ q: q.trim() }), 250);
    return () => clearTimeout(timer);
  }, [q, filters.q, onChange]);

  return (
    <search
      aria-label="Filter sensors"
      className="grid grid-cols-2 items-end gap-3 lg:grid-cols-[1.3fr_1fr_1fr_1.3fr_auto]"
    >
      <CustomerPicker
        className="col-span-2 sm:col-span-1"
        value={filters.customer || undefined}
        onChange={(id) => onChange({ customer: id ?? "" })}
      />
      <Field label="Class">
        <Select placeholder="All classes" value={filters.class} onChange={(e) => onChange({ class: e.target.value })}>
          {SENSOR_CLASSES.map((c) => (
            <option key={c} value={c}>
              {SENSOR_CLASS_LABELS[c]}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Health">
        <Select placeholder="Any health" value={filters.health} onChange={(e) => onChange({ health: e.target.value })}>
          {HEALTH_STATES.map((h) => (
            <option key={h} value={h}>
              {HEALTH_LABELS[h]}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Search" className="col-span-2 sm:col-span-1">
        <Input
          type="search"
          placeholder="Name, vendor, site, version…"
          value={q}
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
        variant="ghost"
        className="col-span-2 justify-self-start sm:col-span-1 lg:justify-self-auto"
        disabled={!hasSensorFilters(filters)}
        onClick={() => {
          setQ("");
          onChange(NO_FILTERS);
        }}
      >
        <X aria-hidden="true" />
        Clear
      </Button>
    </search>
  );
}

/** The format's name only when the vendor and product do not already say it. */
const formatAddsInfo = (s: Sensor) =>
  !`${s.vendor} ${s.product}`.toLowerCase().includes(SOURCE_FORMAT_LABELS[s.sourceFormat].toLowerCase());

function SensorsTable({ rows }: { rows: Sensor[] }) {
  return (
    <Table framed>
      <THead>
        <TR>
          <TH>Sensor</TH>
          <TH className="hidden md:table-cell">Customer</TH>
          <TH className="hidden lg:table-cell">Class</TH>
          <TH className="hidden xl:table-cell">Vendor / product</TH>
          <TH>Health</TH>
          <TH className="hidden sm:table-cell">Last heartbeat</TH>
          <TH className="hidden sm:table-cell">Last event</TH>
          <TH className="hidden 2xl:table-cell">Version</TH>
          <TH className="hidden text-right lg:table-cell">EPS</TH>
          <TH className="hidden text-right lg:table-cell">Hosts</TH>
        </TR>
      </THead>
      <TBody>
        {rows.map((s) => (
          <TR key={s.id} className={cn(s.status === "retired" && "text-muted-foreground")}>
            <TD className="max-w-72 min-w-40">
              <Link
                href={sensorHref(s)}
                className="block font-medium break-words text-foreground hover:text-primary hover:underline"
              >
                {s.name}
              </Link>
              <div className="flex flex-wrap items-center gap-x-2 text-xs text-muted-foreground">
                {s.site ? (
                  <span className="inline-flex min-w-0 items-center gap-1">
                    <MapPin aria-hidden="true" className="size-3 shrink-0" />
                    <span className="break-words">{s.site}</span>
                  </span>
                ) : null}
                <span className="md:hidden">{s.customerName}</span>
                <span className="xl:hidden">{SOURCE_FORMAT_LABELS[s.sourceFormat]}</span>
              </div>
            </TD>
            <TD className="hidden max-w-48 md:table-cell">
              <Link
                href={`/console/customers/${s.customerSlug}`}
                className="break-words hover:text-primary hover:underline"
              >
                {s.customerName}
              </Link>
            </TD>
            <TD className="hidden max-w-28 lg:table-cell">{SENSOR_CLASS_LABELS[s.sensorClass]}</TD>
            <TD className="hidden max-w-56 xl:table-cell">
              <div className="break-words">{vendorProduct(s.vendor, s.product)}</div>
              {formatAddsInfo(s) ? (
                <div className="text-xs text-muted-foreground">{SOURCE_FORMAT_LABELS[s.sourceFormat]}</div>
              ) : null}
            </TD>
            <TD>
              <HealthCell health={s.health} silentSince={s.silentSince} healthNote={s.healthNote} />
            </TD>
            <TD className="hidden whitespace-nowrap text-muted-foreground sm:table-cell">
              {s.lastHeartbeatAt ? <DateTime value={s.lastHeartbeatAt} mode="relative" /> : "Never"}
              {s.agentVersion ? (
                <div className="max-w-32 truncate font-mono text-xs 2xl:hidden" title={`Version ${s.agentVersion}`}>
                  v{s.agentVersion.replace(/^v/i, "")}
                </div>
              ) : null}
            </TD>
            <TD className="hidden whitespace-nowrap text-muted-foreground sm:table-cell">
              {s.lastEventAt ? <DateTime value={s.lastEventAt} mode="relative" /> : "Never"}
            </TD>
            <TD className="hidden font-mono text-xs 2xl:table-cell">{s.agentVersion ?? "—"}</TD>
            <TD className="hidden text-right tabular-nums lg:table-cell">{formatEps(s.eventsPerSecond)}</TD>
            <TD className="hidden text-right tabular-nums lg:table-cell">{formatCount(s.hostCount)}</TD>
          </TR>
        ))}
      </TBody>
    </Table>
  );
}
