"use client";

import { ChevronRight, Download, ExternalLink, MailCheck } from "lucide-react";
import { useEffect, useRef } from "react";
import { CopyButton } from "@/app/_components/reports/copy-button";
import { reportPdfUrl, shortHash } from "@/app/_components/reports/links";
import { Badge } from "@/app/_components/ui/badge";
import { Button } from "@/app/_components/ui/button";
import { Card, CardContent } from "@/app/_components/ui/card";
import { cn } from "@/app/_lib/cn";
import { formatBytes, formatMonth } from "@/lib/format";
import { SectionHeader } from "../_components/section-header";
import type { RouterOutputs } from "../incidents/_components/labels";
import { When } from "../incidents/_components/when";

type Entry = RouterOutputs["myReports"]["list"][number];
type Version = Entry["versions"][number];

const contacts = (n: number) => `${n} ${n === 1 ? "contact" : "contacts"}`;

function FileButtons({ version, label }: { version: Version; label: string }) {
  return (
    <>
      <Button asChild variant="outline" size="sm">
        <a
          href={reportPdfUrl(version.id)}
          target="_blank"
          rel="noopener"
          aria-label={`View ${label} (opens in a new tab)`}
        >
          <ExternalLink aria-hidden="true" />
          View
        </a>
      </Button>
      <Button asChild variant="outline" size="sm">
        <a href={reportPdfUrl(version.id, true)} download aria-label={`Download ${label}`}>
          <Download aria-hidden="true" />
          Download
        </a>
      </Button>
    </>
  );
}

/** One month of the archive: the current report with its checksum, and any earlier versions folded away. */
export function ReportMonthCard({
  entry,
  timeZone,
  highlighted,
}: {
  entry: Entry;
  timeZone: string;
  highlighted: boolean;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (highlighted) ref.current?.scrollIntoView({ block: "center" });
  }, [highlighted]);
  const v = entry.latest;
  const label = formatMonth(entry.month);
  const older = entry.versions.slice(1);
  return (
    <Card
      ref={ref}
      id={`report-${entry.month}`}
      aria-current={highlighted ? "true" : undefined}
      className={cn(highlighted && "border-primary ring-2 ring-primary/30")}
    >
      <SectionHeader
        title={label}
        description={
          <>
            Issued <When value={v.generatedAt} timeZone={timeZone} mode="date" /> · {v.pages} pages ·{" "}
            {formatBytes(v.sizeBytes)}
          </>
        }
        actions={<FileButtons version={v} label={`the ${label} report`} />}
      />
      <CardContent className="grid gap-3">
        {v.sent || entry.versions.length > 1 || highlighted ? (
          <div className="flex flex-wrap gap-2">
            {highlighted ? <Badge tone="primary">The report from your e-mail</Badge> : null}
            {v.sent ? (
              <Badge tone="success">
                <MailCheck aria-hidden="true" />
                Sent to {contacts(v.sent.recipients)}
              </Badge>
            ) : null}
            {entry.versions.length > 1 ? <Badge>Version {v.version}</Badge> : null}
          </div>
        ) : null}
        <div className="grid gap-1 rounded-md border border-border bg-muted/40 px-3 py-2">
          <div className="flex items-center justify-between gap-2">
            <span className="text-xs font-medium text-muted-foreground">SHA-256 checksum</span>
            <CopyButton value={v.sha256} label={`Copy the SHA-256 checksum of the ${label} report`} className="h-7" />
          </div>
          <code className="font-mono text-xs break-all text-foreground">{v.sha256}</code>
        </div>
        {older.length ? (
          <details className="group rounded-md border border-border">
            <summary className="flex cursor-pointer list-none items-center gap-2 rounded-md px-3 py-2 text-sm font-medium hover:bg-muted [&::-webkit-details-marker]:hidden">
              <ChevronRight aria-hidden="true" className="size-4 transition-transform group-open:rotate-90" />
              Earlier versions ({older.length})
            </summary>
            <ul className="divide-y divide-border border-t border-border">
              {older.map((o) => (
                <li key={o.id} className="flex flex-wrap items-center gap-x-4 gap-y-2 px-3 py-2.5 text-sm">
                  <div className="grid min-w-0 flex-1 basis-64 gap-0.5">
                    <span className="font-medium">
                      Version {o.version}
                      {o.sent ? (
                        <Badge tone="success" className="ml-2 align-middle">
                          Sent to {contacts(o.sent.recipients)}
                        </Badge>
                      ) : null}
                    </span>
                    <span className="text-xs text-muted-foreground">
                      Issued <When value={o.generatedAt} timeZone={timeZone} /> · {o.pages} pages ·{" "}
                      {formatBytes(o.sizeBytes)} · SHA-256{" "}
                      <code className="font-mono" title={o.sha256}>
                        {shortHash(o.sha256)}
                      </code>
                    </span>
                  </div>
                  <div className="flex shrink-0 gap-2">
                    <CopyButton
                      value={o.sha256}
                      text="Copy SHA-256"
                      label={`Copy the SHA-256 checksum of version ${o.version}`}
                    />
                    <FileButtons version={o} label={`version ${o.version} of the ${label} report`} />
                  </div>
                </li>
              ))}
            </ul>
          </details>
        ) : null}
      </CardContent>
    </Card>
  );
}
