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
import { changeText } from "./_lib/change";

export const metadata: Metadata = { title: "Posture" };
export const dynamic = "force-dynamic";

export default async function PosturePage() {
  const info = await requireStaff("/console/posture");
  if (!canDo(info, "posture:read")) return <NoAccess title="Posture" roleLabel={info.roleLabel ?? undefined} />;
  const rows = await (await serverCaller()).posture.overview();
  const drops = rows.filter((r) => r.dropped).length;
  return (
    <>
      <PageHeader
        title="Posture"
        description={`Every customer's live score (last 30 days), the last closed month's score and its change from the month before, in points; a drop of 10 points or more is flagged.${drops ? ` ${drops} flagged.` : ""}`}
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
              <TH className="hidden sm:table-cell">Band</TH>
              <TH className="text-right">Last month</TH>
              <TH className="text-right">
                Change
                <span className="hidden text-xs font-normal text-muted-foreground sm:block">month on month</span>
              </TH>
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
                <TD className="text-right tabular-nums">
                  {r.live}
                  {/* On a phone the band sits under the score, so the change stays on screen. */}
                  <span className="mt-1 block sm:hidden">
                    <Badge tone={BAND_TONES[r.band]}>{BAND_LABELS[r.band]}</Badge>
                  </span>
                </TD>
                <TD className="hidden sm:table-cell">
                  <Badge tone={BAND_TONES[r.band]}>{BAND_LABELS[r.band]}</Badge>
                </TD>
                <TD className="text-right tabular-nums">
                  {r.lastMonthScore ?? "—"}
                  <span className="block text-xs text-muted-foreground">{formatMonth(r.lastMonth, "short")}</span>
                </TD>
                <ChangeCell change={r.change} dropped={r.dropped} last={r.lastMonth} previous={r.previousMonth} />
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

function ChangeCell(p: { change: number | null; dropped: boolean; last: string; previous: string }) {
  const c = changeText(p.change, p.last, p.previous);
  return (
    <TD className="text-right tabular-nums" title={c.label}>
      <span aria-hidden="true">
        {p.dropped ? (
          <Badge tone="danger">
            <TrendingDown />
            {c.text}
          </Badge>
        ) : (
          c.text
        )}
        <span className="block text-xs text-muted-foreground">{c.against}</span>
      </span>
      <span className="sr-only">
        {c.label}
        {p.dropped ? " (a drop of 10 points or more)" : ""}
      </span>
    </TD>
  );
}
