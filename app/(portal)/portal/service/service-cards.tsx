import { Check } from "lucide-react";
import type { ReactNode } from "react";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/app/_components/ui/card";
import { type AllowedAction, formatPlainDate } from "@/app/_lib/contract-terms";
import type { Tier } from "@/db/schema/contracts";
import type { SensorClass } from "@/db/schema/sensors";
import { ACTION_PLAIN, CLASS_PLAIN, TIER_PLAIN } from "./labels";

export function Facts({ rows }: { rows: { label: string; value: ReactNode }[] }) {
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

type Term = { tier: Tier; startDate: string; endDate: string; autoRenew: boolean; noticeDays: number };

export function ServiceCard({
  terms,
  reference,
  providerName,
}: {
  terms: Term;
  reference: string | null;
  providerName: string;
}) {
  const tier = TIER_PLAIN[terms.tier];
  return (
    <Card>
      <CardHeader>
        <CardTitle>Your service</CardTitle>
      </CardHeader>
      <CardContent>
        <Facts
          rows={[
            {
              label: "Service",
              value: (
                <>
                  <span className="font-medium">{tier.name}</span>
                  <span className="block text-muted-foreground">{tier.description}</span>
                </>
              ),
            },
            { label: "Provided by", value: providerName },
            { label: "Term", value: `${formatPlainDate(terms.startDate)} – ${formatPlainDate(terms.endDate)}` },
            {
              label: "Renewal",
              value: terms.autoRenew
                ? `Renews automatically unless either side gives notice at least ${terms.noticeDays} days before ${formatPlainDate(terms.endDate)}.`
                : `Ends on ${formatPlainDate(terms.endDate)} unless it is renewed.`,
            },
            ...(reference
              ? [{ label: "Contract reference", value: <span className="font-mono">{reference}</span> }]
              : []),
          ]}
        />
      </CardContent>
    </Card>
  );
}

export function MonitoredCard({ classes }: { classes: readonly SensorClass[] }) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>What we monitor</CardTitle>
      </CardHeader>
      <CardContent>
        {classes.length ? (
          <ul className="grid gap-2 text-sm">
            {classes.map((c) => (
              <li key={c} className="flex items-start gap-2">
                <Check aria-hidden="true" className="mt-0.5 size-4 shrink-0 text-success" />
                {CLASS_PLAIN[c]}
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-muted-foreground">No monitoring is part of your current terms.</p>
        )}
      </CardContent>
    </Card>
  );
}

export function ActionsCard({ actions }: { actions: readonly AllowedAction[] }) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>What we may do without asking</CardTitle>
        <CardDescription>To stop an attack quickly. Anything else we do only with your approval.</CardDescription>
      </CardHeader>
      <CardContent>
        {actions.length ? (
          <ul className="grid gap-2 text-sm">
            {actions.map((a) => (
              <li key={a} className="flex items-start gap-2">
                <Check aria-hidden="true" className="mt-0.5 size-4 shrink-0 text-success" />
                {ACTION_PLAIN[a]}
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm">We always ask you before we act on your systems.</p>
        )}
      </CardContent>
    </Card>
  );
}
