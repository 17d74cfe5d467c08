"use client";

import { useQuery } from "@tanstack/react-query";
import { Dialog, DialogContent } from "@/app/_components/ui/dialog";
import Link from "@/app/_components/ui/link";
import { LoadingState } from "@/app/_components/ui/states";
import { useTRPC } from "@/app/_lib/trpc/client";
import { formatShare } from "@/lib/format";
import type { MatrixClass } from "@/server/coverage/matrix";
import { DateTime } from "../_components/date-time";
import { QueryError } from "../_components/query-error";
import { HealthBadge } from "../sensors/health-badge";
import { SENSOR_CLASS_LABELS, vendorProduct } from "../sensors/sensor-labels";
import { sensorHref } from "../sensors/sensor-params";
import { CELL_HINTS, CellStateLabel } from "./cell-state";

export type OpenCell = { customerId: string; customerName: string; cls: MatrixClass };

const REASONS = { health_event: "health event in the last hour", unsupported_version: "unsupported agent version" };
const pct = (r: number | null) => (r === null ? "no data" : formatShare(r));

/** The sensors behind one cell of the matrix, with their health. */
export function CellDialog({ cell, onClose }: { cell: OpenCell | null; onClose: () => void }) {
  const trpc = useTRPC();
  const q = useQuery({
    ...trpc.coverage.customer.queryOptions({ customerId: cell?.customerId ?? "" }),
    enabled: cell !== null,
  });
  const klass = cell ? SENSOR_CLASS_LABELS[cell.cls] : "";
  const state = q.data?.classes.find((c) => c.cls === cell?.cls)?.state ?? "none";
  const sensors = (q.data?.sensors ?? []).filter((s) => cell && s.classes.includes(cell.cls) && s.state !== "retired");
  return (
    <Dialog open={cell !== null} onOpenChange={(o) => (o ? null : onClose())}>
      <DialogContent size="lg" title={`${cell?.customerName ?? ""} · ${klass}`} description={CELL_HINTS[state]}>
        {q.isPending ? (
          <LoadingState label="Loading sensors…" rows={3} />
        ) : q.isError ? (
          <QueryError error={q.error} onRetry={() => q.refetch()} title="Could not load the sensors" />
        ) : (
          <div className="grid gap-3">
            <CellStateLabel state={state} className="justify-self-start" />
            {sensors.length === 0 ? (
              <p className="text-sm text-muted-foreground">No {klass} sensor is connected for this customer.</p>
            ) : (
              <ul className="grid gap-2">
                {sensors.map((s) => (
                  <li key={s.id} className="grid gap-1 rounded-md border p-3 text-sm">
                    <div className="flex flex-wrap items-center justify-between gap-2">
                      <Link
                        href={sensorHref({ id: s.id, customerId: cell!.customerId })}
                        className="min-w-0 font-medium break-words text-primary hover:underline"
                      >
                        {s.name}
                      </Link>
                      <HealthBadge health={s.state} />
                    </div>
                    <p className="text-xs text-muted-foreground">
                      {vendorProduct(s.vendor, s.product)}
                      {s.sensorClass === "xdr" ? " · XDR" : ""} · availability 30 days {pct(s.availability30d)}
                    </p>
                    <p className="text-xs text-muted-foreground">
                      {s.state === "silent" && s.silentSince ? (
                        <>
                          Silent since <DateTime value={s.silentSince} className="text-foreground" />
                        </>
                      ) : s.lastSeen ? (
                        <>
                          Last seen <DateTime value={s.lastSeen} />
                        </>
                      ) : (
                        "Never seen"
                      )}
                      {s.reasons.length ? ` · ${s.reasons.map((r) => REASONS[r]).join(", ")}` : ""}
                    </p>
                  </li>
                ))}
              </ul>
            )}
            <Link
              href={`/console/sensors?customer=${cell?.customerId}`}
              className="text-sm text-primary hover:underline"
            >
              All sensors of {cell?.customerName}
            </Link>
          </div>
        )}
      </DialogContent>
    </Dialog>
  );
}
