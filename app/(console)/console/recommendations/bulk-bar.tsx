"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Alert } from "@/app/_components/ui/alert";
import { Button } from "@/app/_components/ui/button";
import { ConfirmDialog } from "@/app/_components/ui/confirm-dialog";
import { Textarea } from "@/app/_components/ui/input";
import { Select } from "@/app/_components/ui/select";
import { useTRPC } from "@/app/_lib/trpc/client";
import { REC_SEVERITIES, type RecSeverity } from "@/server/recommendations/facts";
import { SEVERITY_LABELS } from "@/server/recommendations/labels";
import { errorMessage } from "../_components/errors";

/** Bulk actions on the selected rows: dismiss (open ones, with a reason) or set the severity. */
export function BulkBar({ ids, onDone }: { ids: string[]; onDone: () => void }) {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const [dismissing, setDismissing] = useState(false);
  const [reason, setReason] = useState("");
  const bulk = useMutation(
    trpc.recommendations.bulk.mutationOptions({
      onSuccess: () => {
        setDismissing(false);
        setReason("");
        onDone();
        return qc.invalidateQueries({ queryKey: trpc.recommendations.pathKey() });
      },
    }),
  );
  return (
    <div className="flex flex-wrap items-center gap-3 rounded-md border border-border bg-muted/40 px-3 py-2 text-sm">
      <span className="font-medium">{ids.length} selected</span>
      <Button size="sm" variant="outline" onClick={() => setDismissing(true)}>
        Dismiss…
      </Button>
      <Select
        aria-label="Set severity"
        placeholder="Set severity…"
        value=""
        onChange={(e) =>
          e.target.value && bulk.mutate({ action: "severity", ids, severity: e.target.value as RecSeverity })
        }
      >
        {REC_SEVERITIES.map((s) => (
          <option key={s} value={s}>
            {SEVERITY_LABELS[s]}
          </option>
        ))}
      </Select>
      <Button size="sm" variant="ghost" onClick={onDone}>
        Clear selection
      </Button>
      {bulk.error && !dismissing ? <Alert tone="danger">{errorMessage(bulk.error)}</Alert> : null}
      <ConfirmDialog
        open={dismissing}
        onOpenChange={setDismissing}
        title={`Dismiss ${ids.length} recommendation${ids.length === 1 ? "" : "s"}?`}
        description="Only open ones are dismissed; the reason goes on each one's history and the audit log."
        confirmLabel="Dismiss"
        pending={bulk.isPending}
        error={bulk.error ? errorMessage(bulk.error) : null}
        onConfirm={() => bulk.mutate({ action: "dismiss", ids, reason })}
      >
        <label htmlFor="bulk-reason" className="text-sm font-medium">
          Reason
        </label>
        <Textarea
          id="bulk-reason"
          rows={2}
          maxLength={2000}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
      </ConfirmDialog>
    </div>
  );
}
