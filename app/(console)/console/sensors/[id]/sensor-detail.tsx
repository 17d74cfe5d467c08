"use client";

import { useQuery } from "@tanstack/react-query";
import { MapPin } from "lucide-react";
import { Badge } from "@/app/_components/ui/badge";
import { Card } from "@/app/_components/ui/card";
import { PageHeader } from "@/app/_components/ui/page-header";
import { LoadingState } from "@/app/_components/ui/states";
import { useTRPC } from "@/app/_lib/trpc/client";
import { NoticeAlert } from "../../_components/notice";
import { QueryError } from "../../_components/query-error";
import { ApiKeyDialog } from "../api-key-dialog";
import { HealthBadge } from "../health-badge";
import { SENSOR_CLASS_LABELS, SOURCE_FORMAT_LABELS } from "../sensor-labels";
import { ConnectCard } from "./connect-card";
import { HealthCard } from "./health-card";
import { KeysCard } from "./keys-card";
import { SensorCard } from "./sensor-card";
import { SensorConfirmDialogs } from "./sensor-confirm-dialogs";
import { SensorHeaderActions } from "./sensor-header-actions";
import { StatusAlert } from "./status-alert";
import { useSensorActions } from "./use-sensor-actions";

export function SensorDetail({
  sensorId,
  customerId,
  canManage,
}: {
  sensorId: string;
  customerId: string;
  canManage: boolean;
}) {
  const trpc = useTRPC();
  const input = { customerId, sensorId };
  const query = useQuery(trpc.sensors.byId.queryOptions(input));
  const customer = useQuery(trpc.customers.byId.queryOptions({ customerId }));
  const actions = useSensorActions(input, query.data);
  const { notice, setNotice, openConfirm, issued, closeIssued } = actions;

  const crumbs = [
    { label: "Sensors", href: "/console/sensors" },
    ...(customer.data
      ? [{ label: customer.data.name, href: `/console/sensors?customer=${encodeURIComponent(customerId)}` }]
      : []),
    { label: query.data?.name ?? "Sensor" },
  ];

  if (!query.data) {
    return (
      <>
        <PageHeader title="Sensor" breadcrumbs={crumbs} />
        {query.isError ? (
          <Card>
            <QueryError title="Could not load this sensor" error={query.error} onRetry={() => query.refetch()} />
          </Card>
        ) : (
          <LoadingState label="Loading sensor…" />
        )}
      </>
    );
  }

  const s = query.data;
  const retired = s.status === "retired";
  const activeKeys = s.keys.filter((k) => !k.revokedAt).length;

  return (
    <>
      <PageHeader
        title={s.name}
        breadcrumbs={crumbs}
        actions={
          canManage ? (
            <SensorHeaderActions
              sensorId={sensorId}
              customerId={customerId}
              sensor={s}
              activeKeys={activeKeys}
              onSaved={(name) => setNotice({ tone: "success", title: `Saved “${name}”` })}
              openConfirm={openConfirm}
            />
          ) : null
        }
      >
        <div className="flex flex-wrap items-center gap-2">
          <HealthBadge health={s.health} />
          <Badge>{SENSOR_CLASS_LABELS[s.sensorClass]}</Badge>
          <Badge>{SOURCE_FORMAT_LABELS[s.sourceFormat]}</Badge>
          {s.site ? (
            <Badge>
              <MapPin aria-hidden="true" />
              {s.site}
            </Badge>
          ) : null}
        </div>
      </PageHeader>

      <div className="grid gap-6">
        <NoticeAlert notice={notice} onDismiss={() => setNotice(null)} />
        <StatusAlert sensor={s} activeKeys={activeKeys} canManage={canManage} onRotate={() => openConfirm("rotate")} />

        <div className="grid gap-6 lg:grid-cols-2">
          <SensorCard sensor={s} customer={customer.data} />
          <HealthCard sensor={s} />
        </div>

        <KeysCard sensor={s} />
        {retired ? null : <ConnectCard sensor={s} />}
      </div>

      <SensorConfirmDialogs input={input} sensor={s} activeKeys={activeKeys} actions={actions} />
      <ApiKeyDialog issued={issued} onClose={closeIssued} />
    </>
  );
}
