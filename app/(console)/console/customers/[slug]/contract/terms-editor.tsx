"use client";

import { type ReactNode, useId } from "react";
import { ClockFields } from "./clock-fields";
import { CoverageEditor } from "./coverage-editor";
import { RosterFields } from "./roster-fields";
import { SlaTargetsEditor } from "./sla-targets-editor";
import { TermFields } from "./term-fields";
import type { TermErrors, TermsDraft } from "./terms-draft";

export type EditorProps = {
  draft: TermsDraft;
  errors: TermErrors;
  onChange: (patch: Partial<TermsDraft>) => void;
};

/** Every term of a contract version, in sections; state and validation live in the form around it. */
export function TermsEditor({ showTier = true, ...props }: EditorProps & { showTier?: boolean }) {
  return (
    <div className="grid divide-y divide-border">
      <Section title="Term and licence">
        <TermFields {...props} showTier={showTier} />
      </Section>
      <Section
        title="Coverage hours"
        description="When SLA clocks run. Outside these hours (and on holidays) they stand still."
      >
        <CoverageEditor {...props} />
      </Section>
      <Section
        title="SLA targets"
        description="Time allowed per severity and metric. “None” means no clock for that metric."
      >
        <SlaTargetsEditor {...props} />
      </Section>
      <Section title="Clocks and response actions">
        <ClockFields {...props} />
      </Section>
      <Section
        title="Roster needs"
        description="While the customer is in coverage, someone on duty must hold each of these; a missing one is a roster gap."
      >
        <RosterFields {...props} />
      </Section>
    </div>
  );
}

function Section({ title, description, children }: { title: string; description?: string; children: ReactNode }) {
  const id = useId();
  return (
    <section aria-labelledby={id} className="grid gap-4 py-5 first:pt-0 last:pb-0">
      <div className="grid gap-1">
        <h3 id={id} className="text-sm font-semibold">
          {title}
        </h3>
        {description ? <p className="text-sm text-muted-foreground">{description}</p> : null}
      </div>
      {children}
    </section>
  );
}
