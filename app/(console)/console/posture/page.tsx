import { Gauge, TrendingDown } from "lucide-react";
import type { Metadata } from "next";
import { BAND_LABELS, BAND_TONES } from "@/app/_components/posture/score-card";
import { Badge } from "@/app/_components/ui/badge";
import { Card } from "@/app/_components/ui/card";
import { PageHeader } from "@/app/_components/ui/page-header";
import { EmptyState } from "@/app/_components/ui/states";
import { Table, TBody, TD, TH, THead, TR } from "@/app/_components/ui/table";
import { requireStaff } from "@/app/_lib/session";
import { serverCaller } from "@/app/_lib/trpc/server";
import { formatMonth } from "@/lib/format";
import { DRIVER_LABELS, DRIVERS } from "@/server/posture/score";
import { NoAccess } from "../_components/no-access";
import { canDo } from "../_components/permissions";

export const metadata: Metadata = { title: "Posture" };
export const dynamic = "force-dynamic";

const change = (c: number | null) => (c === null ? "—" : c > 0 ? `+${c}` : `${c}`);

export default async function PosturePage() {
  const info = await requireStaff("/console/posture");
  if (!canDo(info, "posture:read")) return <NoAccess title="Posture" roleLabel={info.roleLabel ?? undefined} />;
  const rows = await (await serverCaller()).posture.overview();
  const drops = rows.filter((r) => r.dropped).length;
  return (
    <>
      <PageHeader
        title="Posture"
        description={`Every customer's live score (last 30 days) and the last closed month against the one before; a drop of 10 points or more is flagged.${drops ? ` ${drops} flagged.` : ""}`}
      />
      {rows.length === 0 ? (
        <Card>
          <EmptyState icon={Gauge} title="No customers" description="Scores appear once customers exist." />
        </Card>
      ) : (
        <Table framed className="text-[13px]">
          <THead>
            <TR>
              <TH>Customer</TH>
              <TH className="text-right">Live</TH>
              <TH>Band</TH>
              <TH className="text-right">Last month</TH>
              <TH className="text-right">Change</TH>
              {DRIVERS.map((d) => (
                <TH key={d} className="hidden text-right xl:table-cell">
                  {DRIVER_LABELS[d]}
                </TH>
              ))}
            </TR>
          </THead>
          <TBody>
            {rows.map((r) => (
              <TR key={r.customerId}>
                <TD className="max-w-48 break-words font-medium">{r.name}</TD>
                <TD className="text-right tabular-nums">{r.live}</TD>
                <TD>
                  <Badge tone={BAND_TONES[r.band]}>{BAND_LABELS[r.band]}</Badge>
                </TD>
                <TD className="text-right tabular-nums">
                  {r.lastMonthScore ?? "—"}
                  <span className="block text-xs text-muted-foreground">{formatMonth(r.lastMonth, "short")}</span>
                </TD>
                <TD className="text-right tabular-nums">
                  {r.dropped ? (
                    <Badge tone="danger">
                      <TrendingDown aria-hidden="true" />
                      {change(r.change)}
                    </Badge>
                  ) : (
                    change(r.change)
                  )}
                </TD>
                {DRIVERS.map((d) => (
                  <TD key={d} className="hidden text-right tabular-nums xl:table-cell">
                    {Math.floor(r.drivers[d])}
                  </TD>
                ))}
              </TR>
            ))}
          </TBody>
        </Table>
      )}
    </>
  );
}
