"use client";

import { useState } from "react";
import { Alert } from "@/app/_components/ui/alert";
import { Button } from "@/app/_components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/app/_components/ui/card";
import { Field } from "@/app/_components/ui/field";
import { Input, Textarea } from "@/app/_components/ui/input";
import { Select } from "@/app/_components/ui/select";
import { HUNT_OUTCOME_LABELS, HUNT_OUTCOMES, type HuntOutcome, type HuntStatus } from "@/server/hunts/lifecycle";
import { errorMessage } from "../../_components/errors";

type Hunt = {
  status: HuntStatus;
  findings: string | null;
  customerSummary: string | null;
  outcome: HuntOutcome | null;
  effortHours: number;
};
type Patch = {
  status?: HuntStatus;
  findings?: string | null;
  customerSummary?: string | null;
  outcome?: HuntOutcome | null;
  effortHours?: number;
};

/** Findings (internal), the customer-visible summary, the outcome, effort, and the next status. */
export function HuntForm(p: {
  hunt: Hunt;
  canManage: boolean;
  pending: boolean;
  error: unknown;
  onSave: (p: Patch) => void;
}) {
  const h = p.hunt;
  const [findings, setFindings] = useState(h.findings ?? "");
  const [summary, setSummary] = useState(h.customerSummary ?? "");
  const [outcome, setOutcome] = useState<string>(h.outcome ?? "");
  const [hours, setHours] = useState(String(h.effortHours));
  const final = h.status === "concluded";
  const off = !p.canManage;
  const fields = (): Patch => ({
    findings: findings || null,
    effortHours: Number(hours) || 0,
    ...(final ? {} : { customerSummary: summary || null, outcome: (outcome || null) as HuntOutcome | null }),
  });
  return (
    <Card>
      <CardHeader>
        <CardTitle>Record</CardTitle>
      </CardHeader>
      <CardContent className="grid gap-3">
        <Field label="Findings (internal, never shown to customers)">
          <Textarea
            rows={5}
            maxLength={20_000}
            disabled={off}
            value={findings}
            onChange={(e) => setFindings(e.target.value)}
          />
        </Field>
        <Field
          label="Summary for customers"
          hint={
            final
              ? "What customers read in the portal and the monthly report; with the outcome, fixed once the hunt is concluded."
              : "What customers read in the portal and the monthly report."
          }
        >
          <Textarea
            rows={3}
            maxLength={5000}
            disabled={off || final}
            value={summary}
            onChange={(e) => setSummary(e.target.value)}
          />
        </Field>
        <div className="grid grid-cols-2 gap-3">
          <Field label="Outcome">
            <Select
              placeholder="Not yet"
              disabled={off || final}
              value={outcome}
              onChange={(e) => setOutcome(e.target.value)}
            >
              {HUNT_OUTCOMES.map((o) => (
                <option key={o} value={o}>
                  {HUNT_OUTCOME_LABELS[o]}
                </option>
              ))}
            </Select>
          </Field>
          <Field label="Effort (hours)">
            <Input
              type="number"
              min={0}
              step={0.5}
              disabled={off}
              value={hours}
              onChange={(e) => setHours(e.target.value)}
            />
          </Field>
        </div>
        {p.error ? <Alert tone="danger">{errorMessage(p.error)}</Alert> : null}
        {p.canManage ? (
          <div className="flex flex-wrap gap-2">
            <Button size="sm" variant="outline" loading={p.pending} onClick={() => p.onSave(fields())}>
              Save
            </Button>
            {h.status === "planned" ? (
              <Button size="sm" loading={p.pending} onClick={() => p.onSave({ ...fields(), status: "in_progress" })}>
                Start the hunt
              </Button>
            ) : null}
            {h.status === "in_progress" ? (
              <Button size="sm" loading={p.pending} onClick={() => p.onSave({ ...fields(), status: "concluded" })}>
                Conclude
              </Button>
            ) : null}
          </div>
        ) : null}
      </CardContent>
    </Card>
  );
}
