"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { refocus } from "@/app/_components/reports/refocus";
import { Alert } from "@/app/_components/ui/alert";
import { Button } from "@/app/_components/ui/button";
import { Checkbox } from "@/app/_components/ui/checkbox";
import { Dialog, DialogClose, DialogContent, DialogFooter } from "@/app/_components/ui/dialog";
import { useTRPC } from "@/app/_lib/trpc/client";
import { formatDateTime, formatMonth } from "@/lib/format";
import { errorMessage } from "../_components/errors";
import { useViewTimeZone } from "../_components/view-time-zone";
import { contacts, type MatrixCell, type MatrixCustomer } from "./report-labels";

/** Queue one customer-month (again). A new version is added; the e-mail goes out at most once per month. */
export function GenerateDialog({
  target,
  onClose,
  returnFocus,
  onQueued,
}: {
  target: { customer: MatrixCustomer; cell: MatrixCell } | null;
  onClose: () => void;
  returnFocus: HTMLElement | null;
  onQueued: (message: string) => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const zone = useViewTimeZone() ?? undefined;
  const [send, setSend] = useState(false);
  const generate = useMutation(
    trpc.reports.generate.mutationOptions({
      onSuccess: async (result) => {
        await queryClient.invalidateQueries({ queryKey: trpc.reports.matrix.queryKey() });
        await queryClient.invalidateQueries({ queryKey: trpc.reports.versions.queryKey() });
        onQueued(
          result.queued
            ? "Queued. The report is rendered in a moment."
            : "This report is already queued; it is rendered in a moment.",
        );
        setSend(false);
        onClose();
      },
    }),
  );

  function openChange(open: boolean) {
    if (open || generate.isPending) return;
    setSend(false);
    generate.reset();
    onClose();
  }

  const cell = target?.cell;
  const again = Boolean(cell?.latest);
  const sent = cell?.delivery ?? null;
  return (
    <Dialog open={target !== null} onOpenChange={openChange}>
      {target && cell ? (
        <DialogContent
          onCloseAutoFocus={(e) => refocus(e, returnFocus)}
          title={`${again ? "Regenerate" : "Generate"} ${formatMonth(cell.month)}`}
          description={`${target.customer.name}. The report is built from today's data${
            again ? " as a new version; earlier versions stay in the archive" : ""
          }.`}
        >
          <Checkbox
            label="E-mail the report contacts if this month has not been sent"
            description={
              sent
                ? `Already sent on ${formatDateTime(sent.sentAt, zone)} to ${contacts(sent.recipients)}; nobody is e-mailed twice for a month.`
                : "Without this, the report is only stored; customers see it in their portal."
            }
            checked={send && !sent}
            disabled={Boolean(sent) || generate.isPending}
            onChange={(e) => setSend(e.target.checked)}
          />
          {generate.isError ? <Alert tone="danger">{errorMessage(generate.error)}</Alert> : null}
          <DialogFooter>
            <DialogClose asChild>
              <Button variant="outline" disabled={generate.isPending}>
                Cancel
              </Button>
            </DialogClose>
            <Button
              loading={generate.isPending}
              onClick={() =>
                generate.mutate({ customerId: target.customer.id, month: cell.month, send: send && !sent })
              }
            >
              {again ? "Regenerate" : "Generate"}
            </Button>
          </DialogFooter>
        </DialogContent>
      ) : null}
    </Dialog>
  );
}
