import type { ReactNode } from "react";
import { Temporal } from "temporal-polyfill";
import { Badge } from "@/app/_components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/app/_components/ui/card";
import { ACTION_LABELS, CLOCK_START_LABELS, formatPlainDate, percent } from "@/app/_lib/contract-terms";
import { TIER_LABELS } from "@/server/contracts/templates";
import { TIER_SKILLS } from "@/server/roster/demand";
import { SENSOR_CLASS_LABELS } from "@/server/sensors/schema";
import type { TermsLike } from "./terms-diff";

export function Item({ label, children, wide }: { label: string; children: ReactNode; wide?: boolean }) {
  return (
    <div className={wide ? "grid min-w-0 content-start gap-1 sm:col-span-2" : "grid min-w-0 content-start gap-1"}>
      <dt className="text-xs font-medium text-muted-foreground">{label}</dt>
      <dd className="min-w-0 text-sm break-words">{children}</dd>
    </div>
  );
}

const noticeBy = (end: string, days: number) => Temporal.PlainDate.from(end).subtract({ days }).toString();

/** The terms in force (or shown), in words. */
export function TermsCard({ terms, reference, title }: { terms: TermsLike; reference: string; title: ReactNode }) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>{title}</CardTitle>
      </CardHeader>
      <CardContent>
        <dl className="grid gap-x-6 gap-y-4 sm:grid-cols-2">
          <Item label="Tier">{TIER_LABELS[terms.tier]}</Item>
          <Item label="Reference">
            <span className="font-mono">{reference}</span>
          </Item>
          <Item label="Term">
            {formatPlainDate(terms.startDate)} – {formatPlainDate(terms.endDate)}
          </Item>
          <Item label="Renewal">
            {terms.autoRenew ? "Renews automatically" : "Ends without renewal"}
            <span className="block text-xs text-muted-foreground">
              {terms.noticeDays} days' notice: decide by {formatPlainDate(noticeBy(terms.endDate, terms.noticeDays))}
            </span>
          </Item>
          <Item label="Licensed">
            {terms.licensedEndpoints.toLocaleString("en-GB")} endpoints ·{" "}
            {terms.licensedSensors.toLocaleString("en-GB")} sensors
          </Item>
          <Item label="Monitored classes">
            {terms.monitoredClasses.length ? (
              <span className="flex flex-wrap gap-1">
                {terms.monitoredClasses.map((c) => (
                  <Badge key={c}>{SENSOR_CLASS_LABELS[c]}</Badge>
                ))}
              </span>
            ) : (
              <span className="text-muted-foreground">None</span>
            )}
          </Item>
          <Item label="Clocks start">{CLOCK_START_LABELS[terms.clockStart]}</Item>
          <Item label="Waiting on the customer">{terms.pauseOnCustomer ? "Clocks pause" : "Clocks keep running"}</Item>
          <Item label="At risk">With {percent(terms.atRiskShare)} of the target left</Item>
          <Item label="Allowed without asking">
            {terms.allowedActions.length ? (
              <ul className="grid gap-0.5">
                {terms.allowedActions.map((a) => (
                  <li key={a}>{ACTION_LABELS[a]}</li>
                ))}
              </ul>
            ) : (
              <span className="text-muted-foreground">Nothing: every action needs the customer's approval</span>
            )}
          </Item>
          <Item label="Roster must hold">
            {[...new Set([...TIER_SKILLS[terms.tier], ...(terms.extraSkills ?? [])])].join(", ")}
            <span className="block text-xs text-muted-foreground">
              {terms.languages?.length
                ? `Languages: ${terms.languages.map((l) => l.toUpperCase()).join(", ")}`
                : "No language required"}
            </span>
          </Item>
        </dl>
      </CardContent>
    </Card>
  );
}
