"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { CircleCheck, CircleOff, X } from "lucide-react";
import { useState } from "react";
import { Button } from "@/app/_components/ui/button";
import Link from "@/app/_components/ui/link";
import { cn } from "@/app/_lib/cn";
import { useTRPC } from "@/app/_lib/trpc/client";
import { visibleTransitions } from "@/server/coverage/banner";
import { DateTime } from "./date-time";
import { errorMessage } from "./errors";

const SHOWN = 3;

/**
 * Sensors that went silent or recovered in the last 24 hours, one line each, dismissible for the whole SOC. A silence
 * followed by its recovery shows only the recovery. Polls every 30 s; renders nothing when there is nothing to say.
 */
export function SensorBanner({ enabled }: { enabled: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [expanded, setExpanded] = useState(false);
  const banner = useQuery({ ...trpc.coverage.banner.queryOptions(), enabled, refetchInterval: 30_000 });
  const dismiss = useMutation(
    trpc.coverage.dismiss.mutationOptions({
      onSettled: () => queryClient.invalidateQueries({ queryKey: trpc.coverage.banner.queryKey() }),
    }),
  );
  if (!enabled) return null;
  const listed = visibleTransitions(banner.data?.items ?? []);
  const items = listed.filter((t) => !(dismiss.isPending && dismiss.variables?.id === t.id));
  if (items.length === 0) return null;
  const shown = expanded ? items : items.slice(0, SHOWN);
  const counts = banner.data?.counts ?? { silent: 0, recovered: 0 };
  // The list holds the newest transitions; the counts cover all of them.
  const unlisted = Math.max(0, (banner.data?.total ?? 0) - listed.length);
  return (
    <section
      aria-label={`Sensor alerts: ${counts.silent} silent, ${counts.recovered} recovered`}
      className="grid gap-1.5"
    >
      <ul className="grid gap-1.5">
        {shown.map((t) => {
          const isSilent = t.kind === "silent";
          const Icon = isSilent ? CircleOff : CircleCheck;
          return (
            <li
              key={t.id}
              className={cn(
                "flex min-h-8 min-w-0 items-center gap-2 rounded-md border py-0.5 pr-0.5 pl-3 text-[13px]",
                isSilent ? "border-destructive/40 bg-destructive/10" : "border-success/40 bg-success/10",
              )}
            >
              <Icon
                aria-hidden="true"
                className={cn("size-4 shrink-0", isSilent ? "text-destructive" : "text-success")}
              />
              <Link
                href={`/console/sensors/${t.sensorId}?customer=${t.customerId}`}
                className="min-w-0 flex-1 truncate rounded-sm hover:underline"
                title={`${t.sensorName} · ${t.customerName}`}
              >
                <span className="font-medium">{t.sensorName}</span>
                {isSilent ? " silent since " : " reporting again since "}
                <DateTime value={isSilent ? t.silentSince : (t.recoveredAt ?? t.createdAt)} />
                <span className="hidden text-muted-foreground sm:inline"> · {t.customerName}</span>
              </Link>
              <Button
                variant="ghost"
                size="icon-sm"
                className="size-7"
                aria-label={`Dismiss ${t.sensorName} ${isSilent ? "silent" : "recovered"} alert`}
                title="Dismiss for everyone"
                disabled={dismiss.isPending}
                onClick={() => dismiss.mutate({ id: t.id })}
              >
                <X aria-hidden="true" />
              </Button>
            </li>
          );
        })}
      </ul>
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-xs">
        {items.length > SHOWN ? (
          <Button variant="link" size="sm" className="h-auto text-xs" onClick={() => setExpanded((v) => !v)}>
            {expanded ? "Show fewer" : `Show ${items.length - SHOWN} more`}
          </Button>
        ) : null}
        {unlisted > 0 ? <span className="text-muted-foreground">{unlisted} older, not listed here</span> : null}
        <Link href="/console/coverage" className="text-primary underline-offset-4 hover:underline">
          Open the coverage matrix
        </Link>
        {dismiss.error ? (
          <span role="alert" className="text-destructive">
            Could not dismiss: {errorMessage(dismiss.error)}
          </span>
        ) : null}
      </div>
    </section>
  );
}
