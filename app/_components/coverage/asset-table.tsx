import type { ReactNode } from "react";
import { Badge } from "@/app/_components/ui/badge";
import Link from "@/app/_components/ui/link";
import { Table, TBody, TD, TH, THead, TR } from "@/app/_components/ui/table";
import type { Criticality } from "@/db/schema/assets";
import { CRITICALITY_LABELS, CRITICALITY_TONES, hostLabel } from "./labels";

export type AssetRow = {
  id: string;
  customerId: string;
  customerName?: string;
  hostname: string | null;
  fqdn: string | null;
  agentId: string | null;
  ip: string | null;
  os: string | null;
  owner: string | null;
  criticality: Criticality | null;
  lastSeenAt: Date;
  covered: boolean;
};

/** The asset list: host, customer (staff), criticality, EDR coverage, last seen, then OS and owner (first to scroll). */
export function AssetTable({
  rows,
  hrefFor,
  date,
  showCustomer = false,
}: {
  rows: AssetRow[];
  hrefFor: (a: AssetRow) => string;
  date: (d: Date) => ReactNode;
  showCustomer?: boolean;
}) {
  return (
    <Table framed>
      <THead>
        <TR>
          <TH>Host</TH>
          {showCustomer ? <TH>Customer</TH> : null}
          <TH>Criticality</TH>
          <TH>EDR</TH>
          <TH>Last seen</TH>
          <TH>Operating system</TH>
          <TH>Owner</TH>
        </TR>
      </THead>
      <TBody>
        {rows.map((a) => (
          <TR key={a.id}>
            <TD className="min-w-40 max-w-64 lg:min-w-56">
              <Link
                href={hrefFor(a)}
                className="block break-all font-medium text-primary underline-offset-2 hover:underline"
              >
                {hostLabel(a)}
              </Link>
              {a.ip ? <span className="font-mono text-xs text-muted-foreground">{a.ip}</span> : null}
            </TD>
            {showCustomer ? <TD className="min-w-32 break-words">{a.customerName}</TD> : null}
            <TD>
              {a.criticality ? (
                <Badge tone={CRITICALITY_TONES[a.criticality]}>{CRITICALITY_LABELS[a.criticality]}</Badge>
              ) : (
                <span className="text-muted-foreground">Not set</span>
              )}
            </TD>
            <TD className="whitespace-nowrap">
              {a.covered ? <Badge tone="success">Covered</Badge> : <Badge tone="danger">Not covered</Badge>}
            </TD>
            <TD className="whitespace-nowrap">{date(a.lastSeenAt)}</TD>
            <TD className="max-w-48 truncate">{a.os ?? <span className="text-muted-foreground">Unknown</span>}</TD>
            <TD className="max-w-40 truncate">{a.owner ?? <span className="text-muted-foreground">—</span>}</TD>
          </TR>
        ))}
      </TBody>
    </Table>
  );
}
