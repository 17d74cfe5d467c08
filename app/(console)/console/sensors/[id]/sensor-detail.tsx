"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Ban, Ellipsis, KeyRound, MapPin, Power, PowerOff, RefreshCw } from "lucide-react";
import Link from "next/link";
import { type ReactNode, useState } from "react";
import { Alert } from "@/app/_components/ui/alert";
import { Badge } from "@/app/_components/ui/badge";
import { Button } from "@/app/_components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/app/_components/ui/card";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuTrigger,
} from "@/app/_components/ui/dropdown-menu";
import { PageHeader } from "@/app/_components/ui/page-header";
import { EmptyState, LoadingState } from "@/app/_components/ui/states";
import { Table, TBody, TD, TH, THead, TR } from "@/app/_components/ui/table";
import { useTRPC } from "@/app/_lib/trpc/client";
import { ConfirmDialog } from "../../_components/confirm-dialog";
import { DateTime } from "../../_components/date-time";
import { errorMessage } from "../../_components/errors";
import { type Notice, NoticeAlert } from "../../_components/notice";
import { QueryError } from "../../_components/query-error";
import type { RouterOutputs } from "../../_components/types";
import { inCardTable } from "../../_components/ui-classes";
import { ApiKeyDialog, CodeBlock, curlExamples, type IssuedKey, useOrigin } from "../api-key-dialog";
import { HealthBadge } from "../health-badge";
import {
  formatCount,
  formatEps,
  HEALTH_HINTS,
  healthNoteTitle,
  maskedKey,
  SENSOR_CLASS_LABELS,
  SOURCE_FORMAT_LABELS,
} from "../sensor-labels";
import { EditSensorDialog } from "./edit-sensor-dialog";

type Sensor = RouterOutputs["sensors"]["byId"];
type Confirm = "rotate" | "revoke" | "retire" | "reactivate" | null;

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
  const queryClient = useQueryClient();
  const input = { customerId, sensorId };
  const query = useQuery(trpc.sensors.byId.queryOptions(input));
  const customer = useQuery(trpc.customers.byId.queryOptions({ customerId }));
  const [notice, setNotice] = useState<Notice | null>(null);
  const [confirm, setConfirm] = useState<Confirm>(null);
  const [confirmError, setConfirmError] = useState<string | null>(null);
  const [issued, setIssued] = useState<IssuedKey | null>(null);

  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.sensors.byId.queryKey(input) }),
      queryClient.invalidateQueries({ queryKey: trpc.sensors.all.queryKey() }),
    ]);
  const done = (n: Notice) => {
    setConfirm(null);
    setNotice(n);
    void refresh();
  };
  const failed = (e: unknown) => setConfirmError(errorMessage(e));

  const rotate = useMutation(
    trpc.sensors.rotateKey.mutationOptions({
      onSuccess: (result) => {
        const s = query.data;
        setConfirm(null);
        setNotice(null);
        if (s)
          setIssued({ apiKey: result.apiKey, sensorName: s.name, sourceFormat: s.sourceFormat, reason: "rotated" });
        void refresh();
      },
      onError: failed,
    }),
  );
  const revoke = useMutation(
    trpc.sensors.revokeKeys.mutationOptions({
      onSuccess: (result) =>
        done({
          tone: "success",
          title:
            result.revoked === 0
              ? "There was no active key to revoke"
              : `${result.revoked} key${result.revoked === 1 ? "" : "s"} revoked`,
        }),
      onError: failed,
    }),
  );
  const setStatus = useMutation(
    trpc.sensors.setStatus.mutationOptions({
      onSuccess: (row) =>
        done(
          row.status === "retired"
            ? { tone: "success", title: "Sensor retired", body: "Its alerts and history stay." }
            : { tone: "success", title: "Sensor reactivated" },
        ),
      onError: failed,
    }),
  );

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
  const openConfirm = (c: Confirm) => {
    setConfirmError(null);
    setConfirm(c);
  };

  return (
    <>
      <PageHeader
        title={s.name}
        breadcrumbs={crumbs}
        actions={
          canManage ? (
            <>
              <EditSensorDialog
                sensorId={sensorId}
                customerId={customerId}
                sensor={s}
                onSaved={(name) => setNotice({ tone: "success", title: `Saved “${name}”` })}
              />
              {retired ? null : (
                <Button variant="outline" onClick={() => openConfirm("rotate")}>
                  <RefreshCw aria-hidden="true" />
                  Rotate key
                </Button>
              )}
              <DropdownMenu modal={false}>
                <DropdownMenuTrigger asChild>
                  <Button variant="outline" size="icon" aria-label="More sensor actions">
                    <Ellipsis aria-hidden="true" />
                  </Button>
                </DropdownMenuTrigger>
                <DropdownMenuContent>
                  {retired ? (
                    <DropdownMenuItem onSelect={() => openConfirm("reactivate")}>
                      <Power aria-hidden="true" />
                      Reactivate sensor
                    </DropdownMenuItem>
                  ) : (
                    <>
                      <DropdownMenuItem destructive disabled={activeKeys === 0} onSelect={() => openConfirm("revoke")}>
                        <Ban aria-hidden="true" />
                        Revoke all keys
                      </DropdownMenuItem>
                      <DropdownMenuItem destructive onSelect={() => openConfirm("retire")}>
                        <PowerOff aria-hidden="true" />
                        Retire sensor
                      </DropdownMenuItem>
                    </>
                  )}
                </DropdownMenuContent>
              </DropdownMenu>
            </>
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
          <Card>
            <CardHeader>
              <CardTitle>Sensor</CardTitle>
            </CardHeader>
            <CardContent>
              <Facts
                rows={[
                  {
                    label: "Customer",
                    value: customer.data ? (
                      <Link
                        href={`/console/customers/${customer.data.slug}`}
                        className="text-primary underline-offset-4 hover:underline"
                      >
                        {customer.data.name}
                      </Link>
                    ) : (
                      "—"
                    ),
                  },
                  { label: "Class", value: SENSOR_CLASS_LABELS[s.sensorClass] },
                  { label: "Vendor", value: s.vendor },
                  { label: "Product", value: s.product },
                  { label: "Intake format", value: SOURCE_FORMAT_LABELS[s.sourceFormat] },
                  { label: "Site", value: s.site ?? <span className="text-muted-foreground">Not set</span> },
                  { label: "Added", value: <DateTime value={s.createdAt} /> },
                ]}
              />
            </CardContent>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle>Health</CardTitle>
              <CardDescription>{HEALTH_HINTS[s.health]}</CardDescription>
            </CardHeader>
            <CardContent>
              <Facts
                rows={[
                  { label: "Health", value: <HealthBadge health={s.health} /> },
                  { label: "Last heartbeat", value: <When value={s.lastHeartbeatAt} /> },
                  { label: "Last event", value: <When value={s.lastEventAt} /> },
                  { label: "Agent version", value: s.agentVersion ?? "—" },
                  { label: "Events per second", value: formatEps(s.eventsPerSecond) },
                  { label: "Hosts", value: formatCount(s.hostCount) },
                  {
                    label: "Last health event",
                    value: s.healthNote ? (
                      <>
                        <span className="font-medium">{healthNoteTitle(s.healthNote)}</span>
                        {s.healthNote.includes(": ") ? (
                          <span className="block text-muted-foreground">
                            {s.healthNote.slice(s.healthNote.indexOf(": ") + 2)}
                          </span>
                        ) : null}
                        {s.healthNoteAt ? (
                          <span className="block text-xs text-muted-foreground">
                            <DateTime value={s.healthNoteAt} />
                          </span>
                        ) : null}
                      </>
                    ) : (
                      "None"
                    ),
                  },
                ]}
              />
            </CardContent>
          </Card>
        </div>

        <KeysCard sensor={s} />
        {retired ? null : <ConnectCard sensor={s} />}
      </div>

      <ConfirmDialog
        open={confirm === "rotate"}
        onOpenChange={(open) => (open ? undefined : setConfirm(null))}
        title="Rotate the API key?"
        description={
          activeKeys > 0
            ? `The current key stops working at once. “${s.name}” sends nothing until it is configured with the new key, which you will see once.`
            : `A new key is issued for “${s.name}”; you will see it once.`
        }
        confirmLabel="Rotate key"
        destructive={activeKeys > 0}
        pending={rotate.isPending}
        error={confirm === "rotate" ? confirmError : null}
        onConfirm={() => rotate.mutate(input)}
      />
      <ConfirmDialog
        open={confirm === "revoke"}
        onOpenChange={(open) => (open ? undefined : setConfirm(null))}
        title="Revoke all keys?"
        description={`Every active key of “${s.name}” stops working at once, and nothing new is issued. Use this when a key may have leaked; rotate afterwards to reconnect the sensor.`}
        confirmLabel="Revoke keys"
        pending={revoke.isPending}
        error={confirm === "revoke" ? confirmError : null}
        onConfirm={() => revoke.mutate(input)}
      />
      <ConfirmDialog
        open={confirm === "retire"}
        onOpenChange={(open) => (open ? undefined : setConfirm(null))}
        title={`Retire “${s.name}”?`}
        description="Its keys are revoked, the intake refuses it, and it no longer counts as silent. Its alerts and history stay. You can reactivate it later."
        confirmLabel="Retire sensor"
        pending={setStatus.isPending}
        error={confirm === "retire" ? confirmError : null}
        onConfirm={() => setStatus.mutate({ ...input, status: "retired" })}
      />
      <ConfirmDialog
        open={confirm === "reactivate"}
        onOpenChange={(open) => (open ? undefined : setConfirm(null))}
        title={`Reactivate “${s.name}”?`}
        description="It becomes active again without a key; rotate the key afterwards to connect it."
        confirmLabel="Reactivate"
        destructive={false}
        pending={setStatus.isPending}
        error={confirm === "reactivate" ? confirmError : null}
        onConfirm={() => setStatus.mutate({ ...input, status: "active" })}
      />
      <ApiKeyDialog
        issued={issued}
        onClose={() => {
          setIssued(null);
          rotate.reset();
        }}
      />
    </>
  );
}

function Facts({ rows }: { rows: { label: string; value: ReactNode }[] }) {
  return (
    <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-[10rem_1fr]">
      {rows.map((row) => (
        <div key={row.label} className="grid min-w-0 gap-0.5 sm:col-span-2 sm:grid-cols-subgrid">
          <dt className="text-muted-foreground">{row.label}</dt>
          <dd className="min-w-0 break-words">{row.value}</dd>
        </div>
      ))}
    </dl>
  );
}

function When({ value }: { value: Date | string | null }) {
  if (!value) return <span className="text-muted-foreground">Never</span>;
  return (
    <>
      <DateTime value={value} />
      <span className="text-muted-foreground">
        {" "}
        (<DateTime value={value} mode="relative" />)
      </span>
    </>
  );
}

function StatusAlert({
  sensor: s,
  activeKeys,
  canManage,
  onRotate,
}: {
  sensor: Sensor;
  activeKeys: number;
  canManage: boolean;
  onRotate: () => void;
}) {
  const rotateButton = canManage ? (
    <Button variant="outline" size="sm" onClick={onRotate}>
      Rotate key
    </Button>
  ) : undefined;
  if (s.health === "retired") {
    return (
      <Alert tone="info" title="This sensor is retired">
        Its keys are revoked and the intake refuses it. {canManage ? "Reactivate it from the actions menu." : null}
      </Alert>
    );
  }
  if (activeKeys === 0) {
    return (
      <Alert tone="warning" title="No active API key" action={rotateButton}>
        The sensor cannot send alerts or heartbeats until a new key is issued and configured.
      </Alert>
    );
  }
  if (s.health === "silent") {
    return (
      <Alert tone="danger" title="The sensor is silent">
        Nothing has arrived since{" "}
        {s.silentSince ? <DateTime value={s.silentSince} className="text-foreground" /> : "it was added"}. Check the
        sensor, its network path to the intake and its key.
      </Alert>
    );
  }
  if (s.health === "never_seen") {
    return (
      <Alert tone="info" title="Waiting for the first heartbeat or alert">
        Configure the sensor with its key (see “Connect” below). It turns healthy with its first heartbeat.
      </Alert>
    );
  }
  return null;
}

function KeysCard({ sensor: s }: { sensor: Sensor }) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>API keys</CardTitle>
        <CardDescription>
          Only the prefix is kept in clear; the secret was shown once when the key was issued.
        </CardDescription>
      </CardHeader>
      <CardContent className="px-0 pb-0">
        {s.keys.length === 0 ? (
          <EmptyState icon={KeyRound} className="py-8" title="No keys" description="Rotate the key to issue one." />
        ) : (
          <Table className={inCardTable} wrapperClassName="border-t border-border">
            <THead>
              <TR>
                <TH>Key</TH>
                <TH>Status</TH>
                <TH className="hidden sm:table-cell">Created</TH>
                <TH>Last used</TH>
                <TH className="hidden sm:table-cell">Revoked</TH>
              </TR>
            </THead>
            <TBody>
              {s.keys.map((k) => (
                <TR key={k.id}>
                  <TD className="font-mono text-xs whitespace-nowrap">{maskedKey(k.prefix)}</TD>
                  <TD>{k.revokedAt ? <Badge>Revoked</Badge> : <Badge tone="success">Active</Badge>}</TD>
                  <TD className="hidden whitespace-nowrap text-muted-foreground sm:table-cell">
                    <DateTime value={k.createdAt} />
                  </TD>
                  <TD className="whitespace-nowrap text-muted-foreground">
                    {k.lastUsedAt ? <DateTime value={k.lastUsedAt} mode="relative" /> : "Never"}
                  </TD>
                  <TD className="hidden whitespace-nowrap text-muted-foreground sm:table-cell">
                    {k.revokedAt ? <DateTime value={k.revokedAt} /> : "—"}
                  </TD>
                </TR>
              ))}
            </TBody>
          </Table>
        )}
      </CardContent>
    </Card>
  );
}

function ConnectCard({ sensor: s }: { sensor: Sensor }) {
  const examples = curlExamples(useOrigin(), s.sourceFormat, "$WATCHKEEPER_KEY");
  return (
    <Card>
      <CardHeader>
        <CardTitle>Connect</CardTitle>
        <CardDescription>
          The sensor posts {SOURCE_FORMAT_LABELS[s.sourceFormat]} alerts and heartbeats with its key as a bearer token.
          Set <code className="font-mono text-xs">WATCHKEEPER_KEY</code> to the key before running these.
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        <CodeBlock
          label="Send alerts: one JSON object, a JSON array or NDJSON (up to 5,000 per batch)"
          code={examples.alert}
        />
        <CodeBlock
          label="Send a heartbeat (every few minutes; silent after 15 without one)"
          code={examples.heartbeat}
        />
      </CardContent>
    </Card>
  );
}
