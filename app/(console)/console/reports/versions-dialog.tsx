"use client";

import { useQuery } from "@tanstack/react-query";
import { Download, Eye, MailCheck } from "lucide-react";
import type { ReactNode } from "react";
import { CopyButton } from "@/app/_components/reports/copy-button";
import { reportPdfUrl, shortHash } from "@/app/_components/reports/links";
import { refocus } from "@/app/_components/reports/refocus";
import { Badge } from "@/app/_components/ui/badge";
import { Button } from "@/app/_components/ui/button";
import { Dialog, DialogContent } from "@/app/_components/ui/dialog";
import { LoadingState } from "@/app/_components/ui/states";
import { useTRPC } from "@/app/_lib/trpc/client";
import { formatBytes, formatMonth } from "@/lib/format";
import { DateTime } from "../_components/date-time";
import { QueryError } from "../_components/query-error";
import { FiguresCompare } from "./figures-compare";
import { contacts, type MatrixCustomer, type ReportVersion, triggerLabel } from "./report-labels";

/** Every version of one customer-month, newest first, each with its checksum and file. */
export function VersionsDialog({
  target,
  onClose,
  returnFocus,
  onPreview,
}: {
  target: { customer: MatrixCustomer; month: string } | null;
  onClose: () => void;
  returnFocus: HTMLElement | null;
  onPreview: (version: ReportVersion) => void;
}) {
  return (
    <Dialog open={target !== null} onOpenChange={(open) => (open ? undefined : onClose())}>
      {target ? (
        <DialogContent
          onCloseAutoFocus={(e) => refocus(e, returnFocus)}
          size="lg"
          title={`${formatMonth(target.month)}: all versions`}
          description={`${target.customer.name}. Each regeneration adds a version; none is deleted.`}
        >
          <VersionList customerId={target.customer.id} month={target.month} onPreview={onPreview} />
        </DialogContent>
      ) : null}
    </Dialog>
  );
}

function VersionList({
  customerId,
  month,
  onPreview,
}: {
  customerId: string;
  month: string;
  onPreview: (version: ReportVersion) => void;
}) {
  const trpc = useTRPC();
  const query = useQuery(trpc.reports.versions.queryOptions({ customerId, month }));
  if (query.isPending) return <LoadingState label="Loading versions…" rows={3} />;
  if (query.isError)
    return <QueryError title="Could not load the versions" error={query.error} onRetry={() => query.refetch()} />;
  if (query.data.length === 0) return <p className="text-sm text-muted-foreground">No version yet.</p>;
  return (
    <div className="grid gap-5">
      <section className="grid gap-2" aria-label="Key figures">
        <h3 className="text-sm font-semibold">Key figures</h3>
        <FiguresCompare customerId={customerId} month={month} latest={query.data[0]!} />
      </section>
      <section className="grid gap-2" aria-label="Versions">
        <h3 className="text-sm font-semibold">Versions</h3>
        <ol className="divide-y divide-border rounded-lg border border-border">
          {query.data.map((v, i) => (
            <li key={v.id} className="grid gap-2 px-4 py-3">
              <div className="flex flex-wrap items-center gap-2">
                <span className="text-sm font-semibold">Version {v.version}</span>
                {i === 0 ? <Badge tone="primary">Latest</Badge> : null}
                {v.sent ? (
                  <Badge tone="success">
                    <MailCheck aria-hidden="true" />
                    Sent to {contacts(v.sent.recipients)}
                  </Badge>
                ) : null}
                <div className="ml-auto flex gap-1">
                  <Button variant="ghost" size="sm" onClick={() => onPreview(v)}>
                    <Eye aria-hidden="true" />
                    Preview
                  </Button>
                  <Button asChild variant="ghost" size="sm">
                    <a href={reportPdfUrl(v.id, true)} download aria-label={`Download version ${v.version}`}>
                      <Download aria-hidden="true" />
                      Download
                    </a>
                  </Button>
                </div>
              </div>
              <dl className="grid gap-x-6 gap-y-1 text-xs sm:grid-cols-2">
                <Fact label="Generated">
                  <DateTime value={v.generatedAt} /> · {triggerLabel(v.trigger, v.generatedByName)}
                </Fact>
                <Fact label="File">
                  {v.pages} pages · {formatBytes(v.sizeBytes)} · rendered in {(v.renderMs / 1000).toFixed(1)} s
                </Fact>
                {v.sent ? (
                  <Fact label="E-mailed">
                    <DateTime value={v.sent.at} />
                  </Fact>
                ) : null}
                <Fact label="SHA-256">
                  <span className="inline-flex flex-wrap items-center gap-1">
                    <code className="font-mono" title={v.sha256}>
                      {shortHash(v.sha256)}
                    </code>
                    <CopyButton
                      value={v.sha256}
                      label={`Copy the SHA-256 of version ${v.version}`}
                      className="h-6 px-1.5"
                    />
                  </span>
                </Fact>
              </dl>
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="flex min-w-0 flex-wrap items-baseline gap-x-1.5">
      <dt className="text-muted-foreground">{label}</dt>
      <dd className="min-w-0 text-foreground">{children}</dd>
    </div>
  );
}
