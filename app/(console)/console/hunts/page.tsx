import { Crosshair } from "lucide-react";
import type { Metadata } from "next";
import { Badge } from "@/app/_components/ui/badge";
import { Card } from "@/app/_components/ui/card";
import Link from "@/app/_components/ui/link";
import { PageHeader } from "@/app/_components/ui/page-header";
import { EmptyState } from "@/app/_components/ui/states";
import { Table, TBody, TD, TH, THead, TR } from "@/app/_components/ui/table";
import { requireStaff } from "@/app/_lib/session";
import { serverCaller } from "@/app/_lib/trpc/server";
import { formatDate } from "@/lib/format";
import { HUNT_OUTCOME_LABELS, HUNT_STATUS_LABELS, HUNT_STATUSES, type HuntStatus } from "@/server/hunts/lifecycle";
import { NoAccess } from "../_components/no-access";
import { canDo } from "../_components/permissions";
import { NewHunt } from "./new-hunt";

export const metadata: Metadata = { title: "Threat hunts" };
export const dynamic = "force-dynamic";
const TONE = { planned: "neutral", in_progress: "info", concluded: "success" } as const;

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function HuntsPage({ searchParams }: Props) {
  const info = await requireStaff("/console/hunts");
  if (!canDo(info, "hunt:read")) return <NoAccess title="Threat hunts" roleLabel={info.roleLabel ?? undefined} />;
  const raw = (await searchParams).status;
  const status = HUNT_STATUSES.includes(raw as HuntStatus) ? (raw as HuntStatus) : undefined;
  const caller = await serverCaller();
  const hunts = await caller.hunts.list({ status });
  return (
    <>
      <PageHeader
        title="Threat hunts"
        description="Hypothesis-led searches through customers' data, with their effort and outcome."
        actions={canDo(info, "hunt:manage") ? <NewHunt /> : null}
      />
      <nav aria-label="Filter by status" className="mb-4 flex flex-wrap gap-2 text-sm">
        {[undefined, ...HUNT_STATUSES].map((s) => (
          <Link
            key={s ?? "all"}
            href={s ? `/console/hunts?status=${s}` : "/console/hunts"}
            aria-current={s === status ? "page" : undefined}
            className="rounded-md border border-border px-2.5 py-1 aria-[current=page]:bg-primary aria-[current=page]:text-primary-foreground"
          >
            {s ? HUNT_STATUS_LABELS[s] : "All"}
          </Link>
        ))}
      </nav>
      {hunts.length === 0 ? (
        <Card>
          <EmptyState icon={Crosshair} title="No hunts" description="Plan one from a hypothesis." />
        </Card>
      ) : (
        <Table framed className="text-[13px]">
          <THead>
            <TR>
              <TH>Hunt</TH>
              <TH>Status</TH>
              <TH className="hidden md:table-cell">Scope</TH>
              <TH className="hidden md:table-cell">Period</TH>
              <TH className="hidden lg:table-cell">Analyst</TH>
              <TH className="text-right">Hours</TH>
              <TH className="hidden sm:table-cell">Outcome</TH>
            </TR>
          </THead>
          <TBody>
            {hunts.map((h) => (
              <TR key={h.id}>
                <TD className="max-w-72">
                  <Link
                    href={`/console/hunts/${h.id}`}
                    className="break-words font-medium text-primary hover:underline"
                  >
                    {h.title}
                  </Link>
                </TD>
                <TD>
                  <Badge tone={TONE[h.status]}>{HUNT_STATUS_LABELS[h.status]}</Badge>
                </TD>
                <TD className="hidden md:table-cell">{h.allCustomers ? "All customers" : "Selected"}</TD>
                <TD className="hidden md:table-cell">
                  {formatDate(h.periodFrom)} – {formatDate(h.periodTo)}
                </TD>
                <TD className="hidden lg:table-cell">{h.analystName ?? "—"}</TD>
                <TD className="text-right tabular-nums">{h.effortHours}</TD>
                <TD className="hidden sm:table-cell">{h.outcome ? HUNT_OUTCOME_LABELS[h.outcome] : "—"}</TD>
              </TR>
            ))}
          </TBody>
        </Table>
      )}
    </>
  );
}
