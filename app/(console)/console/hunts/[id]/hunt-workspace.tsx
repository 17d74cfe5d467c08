"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { RecStatusBadge } from "@/app/_components/posture/rec-badges";
import { Badge, SeverityBadge } from "@/app/_components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/app/_components/ui/card";
import Link from "@/app/_components/ui/link";
import { PageHeader } from "@/app/_components/ui/page-header";
import { LoadingState } from "@/app/_components/ui/states";
import { useTRPC } from "@/app/_lib/trpc/client";
import { formatDate } from "@/lib/format";
import { HUNT_OUTCOME_LABELS, HUNT_STATUS_LABELS } from "@/server/hunts/lifecycle";
import { QueryError } from "../../_components/query-error";
import { NewRecommendation } from "../../recommendations/new-recommendation";
import { HuntForm } from "./hunt-form";
import { LinkIncident } from "./link-incident";
import { DataComponents, ScopeSources } from "./sources";

/** One hunt: what it looked for, where, and the analyst's record of it (findings stay internal). */
export function HuntWorkspace({ id, canManage }: { id: string; canManage: boolean }) {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const q = useQuery(trpc.hunts.byId.queryOptions({ huntId: id }));
  const update = useMutation(trpc.hunts.update.mutationOptions({ onSuccess: () => qc.invalidateQueries() }));
  const crumbs = [{ label: "Threat hunts", href: "/console/hunts" }, { label: q.data?.title ?? "Hunt" }];
  if (q.isPending) return <LoadingState label="Loading the hunt…" />;
  if (q.isError)
    return (
      <>
        <PageHeader title="Threat hunt" breadcrumbs={crumbs} />
        <QueryError title="Could not load the hunt" error={q.error} onRetry={() => q.refetch()} />
      </>
    );
  const h = q.data;
  return (
    <>
      <PageHeader title={h.title} breadcrumbs={crumbs}>
        <div className="flex flex-wrap items-center gap-2 text-sm">
          <Badge tone={h.status === "concluded" ? "success" : h.status === "in_progress" ? "info" : "neutral"}>
            {HUNT_STATUS_LABELS[h.status]}
          </Badge>
          {h.outcome ? <Badge tone="primary">{HUNT_OUTCOME_LABELS[h.outcome]}</Badge> : null}
          <span className="text-muted-foreground">
            {formatDate(h.periodFrom)} – {formatDate(h.periodTo)} · {h.effortHours} h · {h.analystName ?? "No analyst"}
          </span>
        </div>
      </PageHeader>
      <div className="grid gap-6 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
        <div className="grid content-start gap-6">
          <Card>
            <CardHeader>
              <CardTitle>Hypothesis</CardTitle>
            </CardHeader>
            <CardContent className="grid gap-3 text-sm">
              <p className="whitespace-pre-wrap break-words">{h.hypothesis}</p>
              <ul className="flex flex-wrap gap-1.5" aria-label="Techniques">
                {h.techniqueNames.map((t) => (
                  <li key={t.id} className="rounded border border-border px-1.5 py-0.5 text-xs">
                    <span className="font-mono">{t.id}</span> {t.name}
                  </li>
                ))}
              </ul>
              <DataComponents hunt={h} />
            </CardContent>
          </Card>
          <HuntForm
            hunt={h}
            canManage={canManage}
            pending={update.isPending}
            error={update.error}
            onSave={(p) => update.mutate({ huntId: h.id, ...p })}
          />
        </div>
        <div className="grid content-start gap-6">
          <Card>
            <CardHeader>
              <CardTitle>Customers in scope</CardTitle>
            </CardHeader>
            <CardContent className="grid gap-3 text-sm">
              {h.allCustomers ? <p className="text-xs text-muted-foreground">All customers</p> : null}
              <ul className="grid gap-2">
                {h.scope.map((c) => (
                  <li key={c.customerId} className="grid gap-1 border-b border-border pb-2 last:border-0">
                    <span className="font-medium break-words">{c.name}</span>
                    <ScopeSources sources={c.sources} />
                    {c.incidentId ? (
                      <Link
                        href={`/console/incidents/${c.incidentId}`}
                        className="text-xs text-primary hover:underline"
                      >
                        Linked incident
                      </Link>
                    ) : null}
                    {canManage ? (
                      <div className="flex flex-wrap gap-2">
                        <NewRecommendation
                          fixedCustomerId={c.customerId}
                          origin={{ origin: "hunt", huntId: h.id }}
                          label="Recommend"
                          defaults={{ title: "", body: "" }}
                        />
                      </div>
                    ) : null}
                  </li>
                ))}
              </ul>
              {canManage && h.status !== "concluded" ? <LinkIncident huntId={h.id} /> : null}
            </CardContent>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle>Recommendations raised</CardTitle>
            </CardHeader>
            <CardContent className="grid gap-2 text-sm">
              {h.recommendations.length === 0 ? <p className="text-muted-foreground">None yet.</p> : null}
              {h.recommendations.map((r) => (
                <p key={r.id} className="flex flex-wrap items-center gap-2">
                  <SeverityBadge severity={r.severity} />
                  <RecStatusBadge status={r.status} />
                  <span className="break-words">{r.title}</span>
                </p>
              ))}
            </CardContent>
          </Card>
        </div>
      </div>
    </>
  );
}
