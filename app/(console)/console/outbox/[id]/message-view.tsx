import { ExternalLink, Paperclip } from "lucide-react";
import type { ReactNode } from "react";
import { Alert } from "@/app/_components/ui/alert";
import { Badge } from "@/app/_components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/app/_components/ui/card";
import Link from "@/app/_components/ui/link";
import { PageHeader } from "@/app/_components/ui/page-header";
import { formatBytes } from "@/lib/format";
import { DateTime } from "../../_components/date-time";
import type { RouterOutputs } from "../../_components/types";
import { EmailStatusBadge } from "../status-badge";
import { MessageBody } from "./message-body";

type Message = RouterOutputs["outbox"]["byId"];

function Header({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid gap-1 sm:grid-cols-[6rem_minmax(0,1fr)] sm:gap-3">
      <dt className="text-xs font-medium text-muted-foreground sm:text-sm sm:font-normal">{label}</dt>
      <dd className="min-w-0 text-sm break-words">{children}</dd>
    </div>
  );
}

export function MessageView({
  message,
  customer,
}: {
  message: Message;
  customer: { name: string; slug: string } | null;
}) {
  return (
    <>
      <PageHeader
        title={message.subject}
        breadcrumbs={[{ label: "E-mail outbox", href: "/console/outbox" }, { label: message.subject }]}
      >
        <div className="flex flex-wrap items-center gap-2">
          <EmailStatusBadge status={message.status} />
          <Badge className="font-mono">{message.template}</Badge>
        </div>
      </PageHeader>
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_22rem] lg:items-start">
        <MessageBody html={message.html} text={message.text} />
        <div className="grid gap-6">
          {message.status === "failed" && message.error ? (
            <Alert tone="danger" title="Delivery failed">
              {message.error}
            </Alert>
          ) : null}
          <Card>
            <CardHeader>
              <CardTitle>Headers</CardTitle>
            </CardHeader>
            <CardContent>
              <dl className="grid gap-3">
                <Header label="To">{message.to}</Header>
                <Header label="Subject">{message.subject}</Header>
                <Header label="Template">
                  <span className="font-mono">{message.template}</span>
                </Header>
                <Header label="Customer">
                  {customer ? (
                    <Link href={`/console/customers/${customer.slug}`} className="hover:text-primary hover:underline">
                      {customer.name}
                    </Link>
                  ) : (
                    <span className="text-muted-foreground">
                      {message.customerId ? "Unknown customer" : "Provider"}
                    </span>
                  )}
                </Header>
                <Header label="Created">
                  <DateTime value={message.createdAt} />
                </Header>
                <Header label="Sent">
                  {message.sentAt ? (
                    <DateTime value={message.sentAt} />
                  ) : (
                    <span className="text-muted-foreground">Not sent</span>
                  )}
                </Header>
                {message.attachments?.length ? (
                  <Header label="Attached">
                    <ul className="grid gap-1">
                      {message.attachments.map((a) => (
                        <li key={a.reportVersionId} className="min-w-0">
                          <a
                            href={`/api/reports/${a.reportVersionId}/pdf`}
                            target="_blank"
                            rel="noopener noreferrer"
                            className="inline-flex max-w-full items-start gap-1.5 text-primary hover:underline"
                          >
                            <Paperclip aria-hidden="true" className="mt-0.5 size-3.5 shrink-0" />
                            <span className="min-w-0 break-all">{a.filename}</span>
                          </a>{" "}
                          <span className="text-muted-foreground">({formatBytes(a.sizeBytes)})</span>
                        </li>
                      ))}
                    </ul>
                  </Header>
                ) : null}
                <Header label="Message ID">
                  <span className="font-mono text-xs">{message.id}</span>
                </Header>
              </dl>
            </CardContent>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle>Links in this message</CardTitle>
              <CardDescription>The preview does not follow links; open them from here.</CardDescription>
            </CardHeader>
            <CardContent>
              {message.links.length ? (
                <ul className="grid gap-2">
                  {message.links.map((href) => (
                    <li key={href} className="min-w-0">
                      <a
                        href={href}
                        target="_blank"
                        rel="noopener noreferrer"
                        className="inline-flex max-w-full items-start gap-1.5 text-sm text-primary hover:underline"
                      >
                        <ExternalLink aria-hidden="true" className="mt-0.5 size-3.5 shrink-0" />
                        <span className="min-w-0 break-all">{href}</span>
                      </a>
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="text-sm text-muted-foreground">This message contains no links.</p>
              )}
            </CardContent>
          </Card>
        </div>
      </div>
    </>
  );
}
