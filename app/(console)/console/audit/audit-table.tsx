"use client";

import { Badge } from "@/app/_components/ui/badge";
import Link from "@/app/_components/ui/link";
import { Table, TBody, TD, TH, THead, TR } from "@/app/_components/ui/table";
import { DateTime } from "../_components/date-time";
import type { AuditEntry } from "../_components/types";
import { SummaryList } from "./summary-list";

/** "Ada Lovelace <ada@example.com>" → name and e-mail; anything else is shown as it is. */
function splitActor(label: string): { name: string; email: string | null } {
  const m = /^(.*?)\s*<([^>]+)>$/.exec(label);
  return m?.[1] && m[2] ? { name: m[1], email: m[2] } : { name: label, email: null };
}

function Actor({ entry }: { entry: AuditEntry }) {
  const { name, email } = splitActor(entry.actorLabel);
  return (
    <div className="min-w-0">
      <div className="flex items-center gap-1.5">
        <span className="truncate font-medium">{name}</span>
        {entry.actorType !== "user" ? <Badge>{entry.actorType === "system" ? "System" : "API key"}</Badge> : null}
      </div>
      {email ? <div className="truncate text-xs text-muted-foreground">{email}</div> : null}
    </div>
  );
}

export function AuditTable({ entries }: { entries: readonly AuditEntry[] }) {
  return (
    <Table framed>
      <THead>
        <TR>
          <TH>Time</TH>
          <TH>Actor</TH>
          <TH>Action and target</TH>
          <TH>Customer</TH>
          <TH className="w-[34%] min-w-64">Details</TH>
        </TR>
      </THead>
      <TBody>
        {entries.map((e) => {
          // The entry's own join names its customer; a removed customer keeps its id only.
          const customer = e.customerName && e.customerSlug ? { name: e.customerName, slug: e.customerSlug } : null;
          return (
            <TR key={e.seq} className="align-top [&>td]:align-top">
              <TD className="whitespace-nowrap">
                <DateTime value={e.at} mode="date" />
                <div className="text-xs text-muted-foreground">
                  <DateTime value={e.at} mode="time" /> · <span className="font-mono">#{e.seq}</span>
                </div>
              </TD>
              <TD className="max-w-52">
                <Actor entry={e} />
              </TD>
              <TD className="whitespace-nowrap">
                <Badge className="font-mono">{e.action}</Badge>
                <div className="mt-1 text-xs text-muted-foreground">
                  {e.targetType}
                  {e.targetId ? (
                    <span className="font-mono" title={e.targetId}>
                      {" "}
                      {e.targetId.slice(0, 8)}
                    </span>
                  ) : null}
                </div>
              </TD>
              <TD className="max-w-52">
                {customer ? (
                  <Link
                    href={`/console/customers/${customer.slug}`}
                    className="block truncate hover:text-primary hover:underline"
                  >
                    {customer.name}
                  </Link>
                ) : e.customerId ? (
                  <span className="font-mono text-xs text-muted-foreground" title={e.customerId}>
                    {e.customerId.slice(0, 8)}
                  </span>
                ) : (
                  <span className="text-muted-foreground">Provider</span>
                )}
              </TD>
              <TD>
                <SummaryList summary={e.summary} />
              </TD>
            </TR>
          );
        })}
      </TBody>
    </Table>
  );
}
