"use client";

import { Badge } from "@/app/_components/ui/badge";
import Link from "@/app/_components/ui/link";
import { Table, TBody, TD, TH, THead, TR } from "@/app/_components/ui/table";
import { DateTime } from "../_components/date-time";
import type { OutboxItem } from "../_components/types";
import { EmailStatusBadge } from "./status-badge";

export function OutboxTable({ items }: { items: readonly OutboxItem[] }) {
  return (
    <Table framed className="table-fixed">
      <THead>
        <TR>
          <TH className="w-[28%]">To</TH>
          <TH>Subject</TH>
          <TH className="hidden w-36 md:table-cell">Template</TH>
          <TH className="w-24">Status</TH>
          <TH className="hidden w-32 sm:table-cell">Time</TH>
        </TR>
      </THead>
      <TBody>
        {items.map((m) => (
          <TR key={m.id} className="relative">
            <TD className="truncate" title={m.to}>
              {m.to}
            </TD>
            <TD className="truncate">
              <Link
                href={`/console/outbox/${m.id}`}
                className="font-medium text-foreground after:absolute after:inset-0 hover:text-primary hover:underline"
                title={m.subject}
              >
                {m.subject}
              </Link>
            </TD>
            <TD className="hidden md:table-cell">
              <Badge className="max-w-full font-mono" title={m.template}>
                <span className="truncate">{m.template}</span>
              </Badge>
            </TD>
            <TD>
              <EmailStatusBadge status={m.status} error={m.error} />
            </TD>
            <TD className="hidden whitespace-nowrap text-muted-foreground sm:table-cell">
              <DateTime value={m.createdAt} mode="relative" />
            </TD>
          </TR>
        ))}
      </TBody>
    </Table>
  );
}
