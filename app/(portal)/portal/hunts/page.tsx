import { Crosshair } from "lucide-react";
import type { Metadata } from "next";
import { Badge } from "@/app/_components/ui/badge";
import { Card } from "@/app/_components/ui/card";
import { PageHeader } from "@/app/_components/ui/page-header";
import { EmptyState } from "@/app/_components/ui/states";
import { requireCustomer } from "@/app/_lib/session";
import { serverCaller } from "@/app/_lib/trpc/server";
import { formatDate } from "@/lib/format";
import { HUNT_OUTCOME_LABELS } from "@/server/hunts/lifecycle";

export const metadata: Metadata = { title: "Threat hunts" };

const TONE = { nothing_found: "success", incident: "danger", recommendation: "warning" } as const;

export default async function PortalHuntsPage() {
  const info = await requireCustomer("/portal/hunts");
  const hunts = await (await serverCaller()).myHunts.list();
  const tz = info.customer.timezone;
  return (
    <>
      <PageHeader
        title="Threat hunts"
        description="Searches our analysts ran through your data for attackers that no alert had flagged, and what they found."
      />
      {hunts.length === 0 ? (
        <Card>
          <EmptyState
            icon={Crosshair}
            title="No concluded hunts yet"
            description="Hunts that covered you appear here when they conclude."
          />
        </Card>
      ) : (
        <ul className="grid gap-3">
          {hunts.map((h) => (
            <li key={h.id}>
              <Card className="grid gap-2 p-4">
                <div className="flex flex-wrap items-center gap-2">
                  <Badge tone={TONE[h.outcome]}>{HUNT_OUTCOME_LABELS[h.outcome]}</Badge>
                  <span className="text-xs text-muted-foreground">
                    Hunted {formatDate(h.periodFrom, tz)} – {formatDate(h.periodTo, tz)} · concluded{" "}
                    {h.concludedAt ? formatDate(h.concludedAt, tz) : "—"} · {h.effortHours} h of analyst time
                  </span>
                </div>
                <h2 className="break-words text-sm font-semibold">{h.title}</h2>
                <p className="whitespace-pre-wrap break-words text-sm">{h.summary}</p>
                {h.techniques.length ? (
                  <ul className="flex flex-wrap gap-1.5" aria-label="ATT&CK techniques">
                    {h.techniques.map((t) => (
                      <li key={t.id} className="rounded border border-border px-1.5 py-0.5 text-xs">
                        <span className="font-mono">{t.id}</span> {t.name}
                      </li>
                    ))}
                  </ul>
                ) : null}
              </Card>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
