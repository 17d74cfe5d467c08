"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "@/app/_components/ui/button";
import { ConfirmDialog } from "@/app/_components/ui/confirm-dialog";
import Link from "@/app/_components/ui/link";
import { useTRPC } from "@/app/_lib/trpc/client";
import { METRIC_LABELS } from "../sla/_lib/sla-format";
import { errorMessage } from "./errors";
import { type BannerItem, SlaBannerItem } from "./sla-banner-item";

const SHOWN = 3;

/**
 * The clocks the SLA page lists as overdue or at risk, counted as it counts them, as a compact strip: overdue first,
 * each linking to its incident. Dismissing hides an item for the viewer only; a SOC manager can resolve one for
 * everyone after a confirmation. Polls every 30 s; renders nothing when nothing is left to say.
 */
export function SlaBanner({ enabled, canResolve }: { enabled: boolean; canResolve: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [expanded, setExpanded] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [confirm, setConfirm] = useState<BannerItem | null>(null);
  const banner = useQuery({ ...trpc.sla.banner.queryOptions(), enabled, refetchInterval: 30_000 });
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.sla.banner.queryKey() });
  const dismiss = useMutation(
    trpc.sla.dismiss.mutationOptions({
      onMutate: () => setFailure(null),
      onSettled: refresh,
      onError: (e) => setFailure(errorMessage(e)),
    }),
  );
  const resolve = useMutation(
    trpc.sla.resolve.mutationOptions({
      onSuccess: () => setConfirm(null),
      onSettled: refresh,
    }),
  );
  if (!enabled || !banner.data) return null;
  const { counts, total } = banner.data;
  const items = banner.data.items.filter((a) => !(dismiss.isPending && dismiss.variables?.clockId === a.clockId));
  if (items.length === 0) return null;
  // The server sends the first items only; the rest are on the SLA page.
  const unsent = total - banner.data.items.length;
  const shown = expanded ? items : items.slice(0, SHOWN);
  const summary = `SLA: ${counts.overdue} overdue, ${counts.at_risk} at risk`;

  return (
    <section aria-label={summary} className="grid gap-1.5">
      <ul className="grid gap-1.5">
        {shown.map((a) => (
          <SlaBannerItem
            key={a.clockId}
            item={a}
            busy={dismiss.isPending || resolve.isPending}
            onDismiss={() => dismiss.mutate({ clockId: a.clockId })}
            onResolve={canResolve ? () => setConfirm(a) : undefined}
          />
        ))}
      </ul>
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-xs">
        <span className="font-medium">{summary}</span>
        {items.length > SHOWN ? (
          <Button variant="link" size="sm" className="h-auto text-xs" onClick={() => setExpanded((v) => !v)}>
            {expanded ? "Show fewer" : `Show ${items.length - SHOWN} more`}
          </Button>
        ) : null}
        <Link href="/console/sla#risk" className="text-primary underline underline-offset-4">
          {expanded && unsent > 0 ? `${unsent} more on the SLA page` : "Open the SLA page"}
        </Link>
        {failure ? (
          <span role="alert" className="text-destructive">
            Could not dismiss: {failure}
          </span>
        ) : null}
      </div>
      <ConfirmDialog
        open={confirm !== null}
        onOpenChange={(o) => (o ? undefined : setConfirm(null))}
        title="Resolve for everyone?"
        description={
          confirm
            ? `${confirm.reference} ${METRIC_LABELS[confirm.metric].toLowerCase()} leaves the banner of every console user until the clock changes state. The SLA page still lists it. This is recorded in the audit log.`
            : undefined
        }
        confirmLabel="Resolve for everyone"
        destructive={false}
        pending={resolve.isPending}
        error={resolve.error ? errorMessage(resolve.error) : null}
        onConfirm={() => confirm && resolve.mutate({ clockId: confirm.clockId })}
      />
    </section>
  );
}
