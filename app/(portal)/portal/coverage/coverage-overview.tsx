"use client";

import { useQuery } from "@tanstack/react-query";
import { Eye, Radar, Server } from "lucide-react";
import { Alert } from "@/app/_components/ui/alert";
import { Card } from "@/app/_components/ui/card";
import Link from "@/app/_components/ui/link";
import { EmptyState, ErrorState, LoadingState } from "@/app/_components/ui/states";
import { useTRPC } from "@/app/_lib/trpc/client";
import { formatShare } from "@/lib/format";
import { trpcErrorInfo } from "../_lib/labels";
import { ClassList } from "./class-list";
import { fixes } from "./explain";
import { SensorList } from "./sensor-list";

export function CoverageOverview({ timeZone, providerName }: { timeZone: string; providerName: string }) {
  const trpc = useTRPC();
  const q = useQuery({ ...trpc.myCoverage.summary.queryOptions(), refetchInterval: 60_000 });
  if (q.isPending) return <LoadingState label="Loading coverage…" />;
  if (q.isError) {
    return (
      <Card>
        <ErrorState
          title="Could not load your coverage"
          message={trpcErrorInfo(q.error).message}
          onRetry={() => void q.refetch()}
        />
      </Card>
    );
  }
  const d = q.data;
  const contracted = d.classes.filter((c) => c.contracted);
  const ok = contracted.filter((c) => c.state === "ok").length;
  const todo = fixes(d.classes, d.sensors, providerName);
  return (
    <div className="grid gap-6">
      <p className="text-sm text-muted-foreground" aria-live="polite">
        {!d.hasContract
          ? `No contract is in force, so no monitoring is promised yet. ${providerName} sets it up with you.`
          : contracted.length === 0
            ? "Your contract lists no monitored classes."
            : `${ok} of ${contracted.length} monitored area${contracted.length === 1 ? " is" : "s are"} fully working (${formatShare(ok / contracted.length)}).`}
      </p>
      {todo.length ? (
        <Alert tone="warning" title="What you could fix">
          <ul className="mt-1 list-disc space-y-1 pl-5">
            {todo.map((t) => (
              <li key={t}>{t}</li>
            ))}
          </ul>
        </Alert>
      ) : null}
      {d.classes.length ? <ClassList classes={d.classes} providerName={providerName} /> : null}
      {d.sensors.length ? (
        <SensorList sensors={d.sensors} timeZone={timeZone} />
      ) : (
        <Card>
          <EmptyState
            icon={Radar}
            title="No sensors connected yet"
            description={`${providerName} connects your security tools (endpoint agents, network sensors, log sources) to its monitoring. Once connected, they are listed here with whether each one is reporting.`}
          />
        </Card>
      )}
      <div className="grid gap-3 sm:grid-cols-2">
        <MoreLink href="/portal/coverage/assets" icon={Server} title="Your assets">
          Which computers and servers we know of, and which ones an endpoint agent protects.
        </MoreLink>
        <MoreLink href="/portal/coverage/visibility" icon={Eye} title="What we can see">
          The attacker techniques your connected sensors let us detect (MITRE ATT&CK).
        </MoreLink>
      </div>
    </div>
  );
}

function MoreLink(p: { href: string; icon: typeof Eye; title: string; children: string }) {
  return (
    <Link href={p.href} className="group rounded-lg border bg-card p-4 hover:border-primary/50">
      <span className="flex items-center gap-2 text-sm font-semibold text-primary group-hover:underline">
        <p.icon aria-hidden="true" className="size-4" />
        {p.title}
      </span>
      <span className="mt-1 block text-sm text-muted-foreground">{p.children}</span>
    </Link>
  );
}
