"use client";

import { useMutation } from "@tanstack/react-query";
import { Plus, X } from "lucide-react";
import { type FormEvent, useState } from "react";
import { Button } from "@/app/_components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/app/_components/ui/card";
import { Input } from "@/app/_components/ui/input";
import { useTRPC } from "@/app/_lib/trpc/client";
import { describeError } from "../../_components/errors";
import { type SectionProps, useRefreshIncident } from "./shared";

const TECHNIQUE_ID = /^T\d{4}(\.\d{3})?$/;

/** Techniques grouped by tactic in ATT&CK matrix order; analysts add by id and remove what they added. */
export function AttackCard({ detail, canManage, notify }: SectionProps) {
  const trpc = useTRPC();
  const refresh = useRefreshIncident();
  const [id, setId] = useState("");
  const [error, setError] = useState<string | null>(null);
  const incidentId = detail.incident.id;
  const source = new Map(detail.techniques.map((t) => [t.techniqueId, t.source]));
  const grouped = new Set(detail.tactics.flatMap((g) => g.techniques.map((t) => t.id)));
  const unmapped = detail.techniques.filter((t) => !grouped.has(t.techniqueId));

  const add = useMutation(
    trpc.incidents.addTechnique.mutationOptions({
      onSuccess: async (r) => {
        setId("");
        await refresh();
        notify({ tone: "success", message: `${r.techniqueId} added.` });
      },
      onError: (e) => {
        const d = describeError(e, ["techniqueId"]);
        setError(d.fields.techniqueId ?? d.message);
      },
    }),
  );
  const remove = useMutation(
    trpc.incidents.removeTechnique.mutationOptions({
      onSuccess: async (r) => {
        await refresh();
        notify({ tone: "success", message: `${r.techniqueId} removed.` });
      },
      onError: (e) => notify({ tone: "danger", message: describeError(e, []).message ?? "Could not remove it." }),
    }),
  );

  function submit(event: FormEvent) {
    event.preventDefault();
    const value = id.trim().toUpperCase();
    if (!TECHNIQUE_ID.test(value)) return setError("Use an ATT&CK id such as T1059 or T1059.001");
    if (source.has(value)) return setError(`${value} is already listed.`);
    setError(null);
    add.mutate({ incidentId, techniqueId: value });
  }

  const removeButton = (techniqueId: string) =>
    canManage && source.get(techniqueId) === "analyst" ? (
      <button
        type="button"
        aria-label={`Remove ${techniqueId}`}
        title="Remove (added by an analyst)"
        disabled={remove.isPending}
        onClick={() => remove.mutate({ incidentId, techniqueId })}
        className="inline-flex size-6 shrink-0 items-center justify-center rounded text-muted-foreground hover:bg-accent hover:text-foreground"
      >
        <X aria-hidden="true" className="size-3.5" />
      </button>
    ) : null;

  return (
    <Card id="attack">
      <CardHeader>
        <CardTitle>ATT&CK</CardTitle>
        <CardDescription>
          {detail.techniques.length
            ? `${detail.techniques.length} technique${detail.techniques.length === 1 ? "" : "s"}, by tactic`
            : "No techniques yet."}
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        {detail.tactics.map((g) => (
          <section key={g.tactic.id} className="grid gap-1">
            <h3 className="text-xs font-semibold tracking-wide text-muted-foreground uppercase">
              {g.tactic.name} <span className="font-mono font-normal normal-case">{g.tactic.id}</span>
            </h3>
            <ul className="grid gap-0.5">
              {g.techniques.map((t) => (
                <li key={t.id} className="flex items-center gap-2 text-sm">
                  <span className="w-[4.75rem] shrink-0 font-mono text-xs">{t.id}</span>
                  <span className="min-w-0 flex-1 break-words">{t.name}</span>
                  {source.get(t.id) === "analyst" ? (
                    <span className="text-[11px] text-muted-foreground">analyst</span>
                  ) : null}
                  {removeButton(t.id)}
                </li>
              ))}
            </ul>
          </section>
        ))}
        {unmapped.length ? (
          <section className="grid gap-1">
            <h3 className="text-xs font-semibold tracking-wide text-muted-foreground uppercase">Not in the dataset</h3>
            <ul className="grid gap-0.5">
              {unmapped.map((t) => (
                <li key={t.techniqueId} className="flex items-center gap-2 text-sm">
                  <span className="flex-1 font-mono text-xs">{t.techniqueId}</span>
                  {removeButton(t.techniqueId)}
                </li>
              ))}
            </ul>
          </section>
        ) : null}
        {canManage ? (
          <form noValidate onSubmit={submit} className="grid gap-1.5 border-t border-border pt-3">
            <label htmlFor="technique-id" className="text-sm font-medium">
              Add a technique
            </label>
            <div className="flex gap-2">
              <Input
                id="technique-id"
                value={id}
                placeholder="T1059.001"
                spellCheck={false}
                autoComplete="off"
                maxLength={12}
                className="font-mono uppercase placeholder:normal-case"
                aria-invalid={error ? true : undefined}
                aria-describedby={error ? "technique-id-error" : undefined}
                onChange={(e) => {
                  setId(e.target.value);
                  setError(null);
                }}
              />
              <Button type="submit" size="md" variant="outline" loading={add.isPending}>
                <Plus aria-hidden="true" />
                Add
              </Button>
            </div>
            {error ? (
              <p id="technique-id-error" role="alert" className="text-xs font-medium text-destructive">
                {error}
              </p>
            ) : null}
          </form>
        ) : null}
      </CardContent>
    </Card>
  );
}
