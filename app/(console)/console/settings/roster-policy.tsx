"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Alert } from "@/app/_components/ui/alert";
import { Button } from "@/app/_components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/app/_components/ui/card";
import { Checkbox } from "@/app/_components/ui/checkbox";
import { Field } from "@/app/_components/ui/field";
import { Input } from "@/app/_components/ui/input";
import { LoadingState } from "@/app/_components/ui/states";
import { useTRPC } from "@/app/_lib/trpc/client";
import { policyInput } from "@/server/roster/schema";
import { describeError, type FieldErrors, validate } from "../_components/errors";

type Policy = {
  minOnDuty: number;
  handlingMinutes: number;
  serviceGoal: number;
  maxOccupancy: number;
  shrinkageBp: number;
  autoAssign: boolean;
};

/** The staffing policy the roster's demand uses (admins edit it). */
export function RosterPolicy({ canManage }: { canManage: boolean }) {
  const trpc = useTRPC();
  const q = useQuery(trpc.roster.policy.queryOptions());
  return (
    <Card>
      <CardHeader>
        <CardTitle>Staffing policy</CardTitle>
        <CardDescription>
          What the roster must deliver whenever a customer is in coverage, and the forecast's assumptions.
        </CardDescription>
      </CardHeader>
      <CardContent>
        {q.isPending ? (
          <LoadingState rows={3} />
        ) : q.isError ? (
          <Alert tone="danger">{describeError(q.error, []).message}</Alert>
        ) : (
          <PolicyForm initial={q.data} canManage={canManage} />
        )}
      </CardContent>
    </Card>
  );
}

const FIELDS = ["minOnDuty", "handlingMinutes", "serviceGoal", "maxOccupancy", "shrinkageBp"] as const;
type Key = (typeof FIELDS)[number];
/** Field → how the form shows it (percentages for the fractions, basis points as percent). */
const SCALE: Record<Key, number> = {
  minOnDuty: 1,
  handlingMinutes: 1,
  serviceGoal: 100,
  maxOccupancy: 100,
  shrinkageBp: 0.01,
};
function PolicyForm({ initial, canManage }: { initial: Policy; canManage: boolean }) {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const [text, setText] = useState<Record<Key, string>>(
    () =>
      Object.fromEntries(FIELDS.map((k) => [k, String(Math.round(initial[k] * SCALE[k] * 100) / 100)])) as Record<
        Key,
        string
      >,
  );
  const [autoAssign, setAutoAssign] = useState(initial.autoAssign);
  const [errors, setErrors] = useState<FieldErrors>({});
  const save = useMutation(
    trpc.roster.updatePolicy.mutationOptions({
      onSuccess: () => qc.invalidateQueries({ queryKey: trpc.roster.pathKey() }),
    }),
  );
  const server = save.error ? describeError(save.error, [...FIELDS]) : null;
  const shown = { ...server?.fields, ...errors };
  const field = (k: Key, label: string, step = "1") => (
    <Field label={label} error={shown[k]}>
      <Input
        type="number"
        step={step}
        inputMode="decimal"
        disabled={!canManage}
        value={text[k]}
        onChange={(e) => setText({ ...text, [k]: e.target.value })}
      />
    </Field>
  );
  return (
    <form
      noValidate
      className="grid gap-4 sm:grid-cols-2"
      onSubmit={(e) => {
        e.preventDefault();
        const values = Object.fromEntries(
          FIELDS.map((k) => {
            const n = text[k].trim() === "" ? Number.NaN : Number(text[k]) / SCALE[k];
            // Percent → basis points must be a whole number; round away float noise (30 % → 3000).
            return [k, k === "shrinkageBp" ? Math.round(n * 1e6) / 1e6 : n];
          }),
        );
        const parsed = validate(policyInput, { ...values, autoAssign });
        if (!parsed.ok) return setErrors(parsed.errors);
        setErrors({});
        save.mutate(parsed.data);
      }}
    >
      {field("minOnDuty", "Minimum analysts on duty")}
      {field("handlingMinutes", "Handling time (minutes)", "0.5")}
      {field("serviceGoal", "Service-level goal (%)", "0.1")}
      {field("maxOccupancy", "Maximum occupancy (%)")}
      {field("shrinkageBp", "Shrinkage (%)", "0.01")}
      <Checkbox
        wrapperClassName="sm:col-span-2"
        label="Auto-assign new incidents"
        description="Round robin to the analysts on duty who hold the skills the customer's tier needs."
        disabled={!canManage}
        checked={autoAssign}
        onChange={(e) => setAutoAssign(e.target.checked)}
      />
      {server?.message ? (
        <Alert tone="danger" className="sm:col-span-2">
          {server.message}
        </Alert>
      ) : null}
      {save.isSuccess ? (
        <Alert tone="success" className="sm:col-span-2">
          Saved. The gaps and the forecast use the new policy.
        </Alert>
      ) : null}
      {canManage ? (
        <Button type="submit" className="sm:col-span-2 sm:justify-self-start" disabled={save.isPending}>
          Save policy
        </Button>
      ) : null}
    </form>
  );
}
