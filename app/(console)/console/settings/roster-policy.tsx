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
import { errorMessage } from "../_components/errors";

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
          <Alert tone="danger">{errorMessage(q.error)}</Alert>
        ) : (
          <PolicyForm initial={q.data} canManage={canManage} />
        )}
      </CardContent>
    </Card>
  );
}

function PolicyForm({ initial, canManage }: { initial: Policy; canManage: boolean }) {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const [p, setP] = useState(initial);
  const save = useMutation(
    trpc.roster.updatePolicy.mutationOptions({
      onSuccess: () => qc.invalidateQueries({ queryKey: trpc.roster.pathKey() }),
    }),
  );
  const num = (k: keyof Policy, scale = 1) => ({
    type: "number",
    disabled: !canManage,
    value: String(Math.round((p[k] as number) * scale * 100) / 100),
    onChange: (e: React.ChangeEvent<HTMLInputElement>) => setP({ ...p, [k]: Number(e.target.value) / scale }),
  });
  return (
    <form
      className="grid gap-4 sm:grid-cols-2"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate(p);
      }}
    >
      <Field label="Minimum analysts on duty">
        <Input {...num("minOnDuty")} min={0} max={50} />
      </Field>
      <Field label="Handling time (minutes)">
        <Input {...num("handlingMinutes")} step="0.5" />
      </Field>
      <Field label="Service-level goal (%)">
        <Input {...num("serviceGoal", 100)} />
      </Field>
      <Field label="Maximum occupancy (%)">
        <Input {...num("maxOccupancy", 100)} />
      </Field>
      <Field label="Shrinkage (%)">
        <Input {...num("shrinkageBp", 0.01)} />
      </Field>
      <Checkbox
        wrapperClassName="sm:col-span-2"
        label="Auto-assign new incidents"
        description="Round robin to the analysts on duty who hold the skills the customer's tier needs."
        disabled={!canManage}
        checked={p.autoAssign}
        onChange={(e) => setP({ ...p, autoAssign: e.target.checked })}
      />
      {save.error ? (
        <Alert tone="danger" className="sm:col-span-2">
          {errorMessage(save.error)}
        </Alert>
      ) : null}
      {save.isSuccess ? (
        <Alert tone="success" className="sm:col-span-2">
          Saved.
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
