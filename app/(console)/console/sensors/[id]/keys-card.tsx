import { KeyRound } from "lucide-react";
import { Badge } from "@/app/_components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/app/_components/ui/card";
import { EmptyState } from "@/app/_components/ui/states";
import { Table, TBody, TD, TH, THead, TR } from "@/app/_components/ui/table";
import { DateTime } from "../../_components/date-time";
import { inCardTable } from "../../_components/ui-classes";
import { maskedKey } from "../sensor-labels";
import type { Sensor } from "./sensor-types";

export function KeysCard({ sensor: s }: { sensor: Sensor }) {
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
