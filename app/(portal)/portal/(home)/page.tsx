import { BellRing, FileText, Mail, MessageSquare, Phone, ShieldCheck, ShieldOff, TriangleAlert } from "lucide-react";
import type { ReactNode } from "react";
import { Alert } from "@/app/_components/ui/alert";
import { Badge, SEVERITIES, type Severity, SeverityBadge } from "@/app/_components/ui/badge";
import { Button } from "@/app/_components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/app/_components/ui/card";
import Link from "@/app/_components/ui/link";
import { PageHeader } from "@/app/_components/ui/page-header";
import { EmptyState } from "@/app/_components/ui/states";
import { requireCustomer } from "@/app/_lib/session";
import { serverCaller } from "@/app/_lib/trpc/server";
import { formatDate } from "@/lib/format";
import { PostureHome } from "../_components/posture-home";
import { SectionHeader } from "../_components/section-header";
import { SlaThisMonth } from "../_components/sla-this-month";
import { ThisMonth } from "../_components/this-month";
import { CHANNEL_LABELS, type Channel, countryName, zoneOffset } from "../_lib/labels";

export const metadata = { title: "Overview" };

const CHANNEL_ICONS = { email: Mail, phone: Phone, sms: MessageSquare } as const;

function Facts({ rows }: { rows: { label: string; value: ReactNode }[] }) {
  return (
    <dl className="grid gap-3 text-sm">
      {rows.map((row) => (
        <div key={row.label} className="grid min-w-0 gap-0.5">
          <dt className="text-xs text-muted-foreground">{row.label}</dt>
          <dd className="min-w-0 break-words text-foreground">{row.value}</dd>
        </div>
      ))}
    </dl>
  );
}

export default async function PortalOverviewPage() {
  const info = await requireCustomer("/portal");
  const caller = await serverCaller();
  const [org, contacts, team, branding] = await Promise.all([
    caller.organisation.mine(),
    caller.organisation.contacts(),
    caller.team.list(),
    caller.me.branding(),
  ]);
  const canManageContacts = info.permissions.includes("contact:manage");
  const twoFactorOn = "twoFactorEnabled" in info.user && info.user.twoFactorEnabled === true;
  const offset = zoneOffset(org.timezone);

  const bySeverity = SEVERITIES.map((severity) => ({
    severity,
    people: contacts.filter((c) => c.severities.includes(severity)),
  }));
  const reportRecipients = contacts.filter((c) => c.receivesReports);
  const uncovered = bySeverity.filter((row) => row.people.length === 0 && row.severity !== "informational");

  return (
    <>
      <PageHeader
        title="Overview"
        description={`${org.name}: your organisation's account with ${branding.providerName}.`}
      />

      <div className="grid gap-6">
        {info.permissions.includes("posture:read") ? <PostureHome /> : null}
        <ThisMonth timezone={org.timezone} />
        {info.permissions.includes("sla:read") ? <SlaThisMonth timezone={org.timezone} /> : null}
        <div className="grid gap-6 lg:grid-cols-3">
          <Card>
            <CardHeader>
              <CardTitle>Organisation</CardTitle>
            </CardHeader>
            <CardContent>
              <Facts
                rows={[
                  { label: "Name", value: org.name },
                  { label: "Industry", value: org.industry },
                  { label: "Country", value: `${countryName(org.country)} (${org.country})` },
                  { label: "Time zone", value: offset ? `${org.timezone} (${offset})` : org.timezone },
                ]}
              />
            </CardContent>
          </Card>

          <Card>
            <CardHeader>
              <CardTitle>Your service</CardTitle>
            </CardHeader>
            <CardContent>
              <Facts
                rows={[
                  { label: "Security provider", value: branding.providerName },
                  {
                    label: "Provider contact",
                    value: branding.supportEmail ? (
                      <a
                        href={`mailto:${branding.supportEmail}`}
                        className="break-all text-primary underline-offset-4 hover:underline"
                      >
                        {branding.supportEmail}
                      </a>
                    ) : (
                      <span className="text-muted-foreground">Not published</span>
                    ),
                  },
                  { label: "Customer since", value: formatDate(org.createdAt, org.timezone) },
                  {
                    label: "Portal users",
                    value: `${team.members.length} ${team.members.length === 1 ? "user" : "users"}${
                      team.pending.length ? `, ${team.pending.length} invited` : ""
                    }`,
                  },
                ]}
              />
            </CardContent>
          </Card>

          <Card>
            <CardHeader>
              <CardTitle>Your access</CardTitle>
            </CardHeader>
            <CardContent className="grid gap-4">
              <Facts
                rows={[
                  { label: "Signed in as", value: `${info.user.name} (${info.user.email})` },
                  {
                    label: "Role",
                    value: (
                      <>
                        {info.roleLabel}
                        <span className="block text-xs text-muted-foreground">
                          {info.actor.role === "admin"
                            ? "You can invite users and manage escalation contacts."
                            : "You can see everything here; an admin makes changes."}
                        </span>
                      </>
                    ),
                  },
                  {
                    label: "Two-factor authentication",
                    value: twoFactorOn ? (
                      <Badge tone="success">
                        <ShieldCheck aria-hidden="true" />
                        On
                      </Badge>
                    ) : (
                      <Badge tone="warning">
                        <ShieldOff aria-hidden="true" />
                        Off
                      </Badge>
                    ),
                  },
                ]}
              />
              <div>
                <Button asChild variant="outline" size="sm">
                  <Link href="/account/security">{twoFactorOn ? "Account security" : "Set up two-factor"}</Link>
                </Button>
              </div>
            </CardContent>
          </Card>
        </div>

        <Card>
          <SectionHeader
            title="Escalation contacts"
            description={`Whom ${branding.providerName} tells about an incident, by severity.`}
            actions={
              <Button asChild variant="outline" size="sm">
                <Link href="/portal/team#contacts">{canManageContacts ? "Manage contacts" : "View contacts"}</Link>
              </Button>
            }
          />
          <CardContent className="grid gap-4">
            {contacts.length === 0 ? (
              <EmptyState
                icon={BellRing}
                className="py-8"
                title="No escalation contacts yet"
                description={
                  canManageContacts
                    ? "Add at least one person to be told about critical incidents."
                    : "Ask an admin of your organisation to add the people who should be told about incidents."
                }
                action={
                  canManageContacts ? (
                    <Button asChild size="sm">
                      <Link href="/portal/team#contacts">Add a contact</Link>
                    </Button>
                  ) : undefined
                }
              />
            ) : (
              <>
                {uncovered.length > 0 ? (
                  <Alert tone="warning" icon={TriangleAlert} title="Some severities reach no one">
                    No contact is set for {uncovered.map((row) => row.severity).join(", ")} incidents.
                    {canManageContacts ? " Edit a contact to include them." : " Ask an admin to add someone."}
                  </Alert>
                ) : null}
                <ul className="divide-y divide-border rounded-lg border border-border">
                  {bySeverity.map(({ severity, people }) => (
                    <li key={severity} className="grid gap-2 px-4 py-3 sm:grid-cols-[9rem_1fr] sm:items-center">
                      <div>
                        <SeverityBadge severity={severity as Severity} />
                      </div>
                      {people.length === 0 ? (
                        <p className="text-sm text-muted-foreground">No one</p>
                      ) : (
                        <ul className="flex min-w-0 flex-wrap gap-2">
                          {people.map((p) => (
                            <li
                              key={p.id}
                              className="inline-flex min-w-0 max-w-full items-center gap-2 rounded-md border border-border bg-muted/40 px-2 py-1 text-sm"
                            >
                              <span className="min-w-0 truncate">
                                {p.name}
                                {p.role ? <span className="text-muted-foreground"> · {p.role}</span> : null}
                              </span>
                              <span className="flex shrink-0 items-center gap-1 text-muted-foreground">
                                {(p.channels as Channel[]).map((ch) => {
                                  const Icon = CHANNEL_ICONS[ch];
                                  return (
                                    <Icon key={ch} aria-label={CHANNEL_LABELS[ch]} role="img" className="size-3.5" />
                                  );
                                })}
                              </span>
                            </li>
                          ))}
                        </ul>
                      )}
                    </li>
                  ))}
                  <li className="grid gap-2 px-4 py-3 sm:grid-cols-[9rem_1fr] sm:items-center">
                    <div className="inline-flex items-center gap-1.5 text-sm font-medium">
                      <FileText aria-hidden="true" className="size-4 text-muted-foreground" />
                      Reports
                    </div>
                    <p className="min-w-0 text-sm">
                      {reportRecipients.length === 0 ? (
                        <span className="text-muted-foreground">No one receives reports</span>
                      ) : (
                        reportRecipients.map((c) => c.name).join(", ")
                      )}
                    </p>
                  </li>
                </ul>
              </>
            )}
          </CardContent>
        </Card>
      </div>
    </>
  );
}
