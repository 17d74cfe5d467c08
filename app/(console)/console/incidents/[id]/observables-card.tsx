"use client";

import { useMutation } from "@tanstack/react-query";
import { Plus } from "lucide-react";
import { useState } from "react";
import { Alert } from "@/app/_components/ui/alert";
import { Button } from "@/app/_components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/app/_components/ui/card";
import { Checkbox } from "@/app/_components/ui/checkbox";
import { Dialog, DialogClose, DialogContent, DialogFooter } from "@/app/_components/ui/dialog";
import { Field } from "@/app/_components/ui/field";
import { Input } from "@/app/_components/ui/input";
import { SafeText, visibleText } from "@/app/_components/ui/safe-text";
import { Select } from "@/app/_components/ui/select";
import { Table, TBody, TD, TH, THead, TR } from "@/app/_components/ui/table";
import { useTRPC } from "@/app/_lib/trpc/client";
import { OBSERVABLE_KINDS } from "@/db/schema/incidents";
import { observableInput } from "@/server/incidents/schema";
import { describeError, errorMessage, type FieldErrors, validate } from "../../_components/errors";
import { inCardTable } from "../../_components/ui-classes";
import { OBSERVABLE_KIND_LABELS, type SectionProps, useRefreshIncident } from "./shared";

type Kind = (typeof OBSERVABLE_KINDS)[number];

function AddDialog({ detail, onClose, notify }: Pick<SectionProps, "detail" | "notify"> & { onClose: () => void }) {
  const trpc = useTRPC();
  const refresh = useRefreshIncident();
  const [values, setValues] = useState<{ kind: Kind; value: string; isIoc: boolean; note: string }>({
    kind: "ip",
    value: "",
    isIoc: true,
    note: "",
  });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const m = useMutation(
    trpc.incidents.addObservable.mutationOptions({
      onSuccess: async (row) => {
        await refresh();
        notify({ tone: "success", message: `${row.isIoc ? "IoC" : "Observable"} added.` });
        onClose();
      },
      onError: (e) => {
        const d = describeError(e, ["kind", "value", "isIoc", "note"]);
        setErrors(d.fields);
        setFormError(d.message);
      },
    }),
  );
  const change = (patch: Partial<typeof values>) => {
    setValues((v) => ({ ...v, ...patch }));
    setErrors((e) => ({ ...e, ...Object.fromEntries(Object.keys(patch).map((k) => [k, undefined])) }));
  };
  const existing = detail.observables.find(
    (o) => o.kind === values.kind && o.value.toLowerCase() === values.value.trim().toLowerCase(),
  );
  return (
    <Dialog open onOpenChange={(open) => (open || m.isPending ? undefined : onClose())}>
      <DialogContent title="Add an observable" description="An indicator or artefact of this incident.">
        <form
          noValidate
          className="grid gap-4"
          onSubmit={(e) => {
            e.preventDefault();
            setFormError(null);
            const parsed = validate(observableInput, { ...values, note: values.note.trim() || undefined });
            if (!parsed.ok) return setErrors(parsed.errors);
            m.mutate({ incidentId: detail.incident.id, ...parsed.data });
          }}
        >
          <div className="grid gap-4 sm:grid-cols-[10rem_minmax(0,1fr)]">
            <Field label="Kind" required error={errors.kind}>
              <Select value={values.kind} onChange={(e) => change({ kind: e.target.value as Kind })}>
                {OBSERVABLE_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {OBSERVABLE_KIND_LABELS[k] ?? k}
                  </option>
                ))}
              </Select>
            </Field>
            <Field
              label="Value"
              required
              error={errors.value}
              hint={existing ? "Already listed: adding it again updates its IoC flag and note." : undefined}
            >
              <Input
                autoFocus
                maxLength={2048}
                spellCheck={false}
                autoComplete="off"
                className="font-mono"
                value={values.value}
                onChange={(e) => change({ value: e.target.value })}
              />
            </Field>
          </div>
          <Checkbox
            label="Indicator of compromise"
            description="IoCs are what the customer should block or hunt for."
            checked={values.isIoc}
            onChange={(e) => change({ isIoc: e.target.checked })}
          />
          <Field label="Note" error={errors.note}>
            <Input maxLength={1000} value={values.note} onChange={(e) => change({ note: e.target.value })} />
          </Field>
          {formError ? <Alert tone="danger">{formError}</Alert> : null}
          <DialogFooter>
            <DialogClose asChild>
              <Button variant="outline" disabled={m.isPending}>
                Cancel
              </Button>
            </DialogClose>
            <Button type="submit" loading={m.isPending}>
              Add observable
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}

/** Observables from alerts and analysts; the IoC flag toggles in place. */
export function ObservablesCard({ detail, canManage, notify }: SectionProps) {
  const trpc = useTRPC();
  const refresh = useRefreshIncident();
  const [adding, setAdding] = useState(false);
  const [iocOnly, setIocOnly] = useState(false);
  const all = detail.observables;
  const iocs = all.filter((o) => o.isIoc).length;
  const rows = iocOnly ? all.filter((o) => o.isIoc) : all;
  const setIoc = useMutation(
    trpc.incidents.setIoc.mutationOptions({
      onSuccess: async (row) => {
        await refresh();
        notify({ tone: "success", message: row.isIoc ? "Marked as IoC." : "No longer an IoC." });
      },
      onError: (e) => notify({ tone: "danger", message: errorMessage(e) }),
    }),
  );

  return (
    <Card id="observables">
      <CardHeader
        actions={
          <>
            {all.length ? (
              <Checkbox label="IoCs only" checked={iocOnly} onChange={(e) => setIocOnly(e.target.checked)} />
            ) : null}
            {canManage ? (
              <Button size="sm" variant="outline" onClick={() => setAdding(true)}>
                <Plus aria-hidden="true" />
                Add observable
              </Button>
            ) : null}
          </>
        }
      >
        <CardTitle>Observables</CardTitle>
        <CardDescription>
          {all.length ? `${all.length} observed, ${iocs} marked as IoC` : "Nothing observed yet."}
        </CardDescription>
      </CardHeader>
      {rows.length ? (
        <CardContent className="px-0 pb-0">
          <Table className={`text-[13px] ${inCardTable}`}>
            <THead>
              <TR>
                <TH className="w-20">Kind</TH>
                <TH>Value</TH>
                <TH className="w-16">IoC</TH>
                <TH className="hidden sm:table-cell">Source</TH>
                <TH className="hidden md:table-cell">Note</TH>
              </TR>
            </THead>
            <TBody>
              {rows.map((o) => (
                <TR key={o.id}>
                  <TD className="py-1.5 text-muted-foreground">{OBSERVABLE_KIND_LABELS[o.kind] ?? o.kind}</TD>
                  <TD className="max-w-[28rem] py-1.5">
                    <SafeText text={o.value} className="font-mono text-xs break-all" />
                  </TD>
                  <TD className="py-1.5">
                    <input
                      type="checkbox"
                      className="size-4 align-middle accent-primary"
                      aria-label={`${visibleText(o.value)} is an indicator of compromise`}
                      checked={
                        setIoc.isPending && setIoc.variables?.observableId === o.id ? setIoc.variables.isIoc : o.isIoc
                      }
                      disabled={!canManage || (setIoc.isPending && setIoc.variables?.observableId === o.id)}
                      onChange={(e) =>
                        setIoc.mutate({ incidentId: detail.incident.id, observableId: o.id, isIoc: e.target.checked })
                      }
                    />
                  </TD>
                  <TD className="hidden py-1.5 text-xs text-muted-foreground sm:table-cell">
                    {o.source === "alert" ? "Alert" : "Analyst"}
                  </TD>
                  <TD className="hidden max-w-60 py-1.5 text-xs break-words md:table-cell">
                    {o.note ? <SafeText text={o.note} /> : <span className="text-muted-foreground">—</span>}
                  </TD>
                </TR>
              ))}
            </TBody>
          </Table>
        </CardContent>
      ) : all.length ? (
        <CardContent>
          <p className="text-sm text-muted-foreground">No observable is marked as IoC.</p>
        </CardContent>
      ) : null}
      {adding ? <AddDialog detail={detail} notify={notify} onClose={() => setAdding(false)} /> : null}
    </Card>
  );
}
