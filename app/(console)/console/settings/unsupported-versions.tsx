"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Trash2 } from "lucide-react";
import { type FormEvent, useState } from "react";
import { Alert } from "@/app/_components/ui/alert";
import { Button } from "@/app/_components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/app/_components/ui/card";
import { Field } from "@/app/_components/ui/field";
import { Input } from "@/app/_components/ui/input";
import { LoadingState } from "@/app/_components/ui/states";
import { Table, TBody, TD, TH, THead, TR } from "@/app/_components/ui/table";
import { useTRPC } from "@/app/_lib/trpc/client";
import { unsupportedVersionInput } from "@/server/coverage/schema";
import { describeError, type FieldErrors, validate } from "../_components/errors";
import { QueryError } from "../_components/query-error";

const EMPTY = { vendor: "", product: "", version: "", note: "" };
const FIELDS = ["vendor", "product", "version", "note"] as const;

/** The provider's list of agent versions it no longer supports: a sensor running one shows as degraded. */
export function UnsupportedVersions({ canManage }: { canManage: boolean }) {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const list = useQuery(trpc.coverage.unsupportedVersions.queryOptions());
  const [values, setValues] = useState(EMPTY);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const refresh = () => qc.invalidateQueries({ queryKey: trpc.coverage.unsupportedVersions.queryKey() });
  const add = useMutation(
    trpc.coverage.addUnsupportedVersion.mutationOptions({
      onSuccess: async () => {
        setValues(EMPTY);
        await refresh();
      },
      onError: (e) => {
        const d = describeError(e, FIELDS);
        setErrors(d.fields);
        setFormError(d.message);
      },
    }),
  );
  const remove = useMutation(trpc.coverage.removeUnsupportedVersion.mutationOptions({ onSettled: refresh }));

  function submit(e: FormEvent) {
    e.preventDefault();
    setFormError(null);
    const parsed = validate(unsupportedVersionInput, values);
    if (!parsed.ok) return setErrors(parsed.errors);
    setErrors({});
    add.mutate(values);
  }

  return (
    <Card>
      <CardHeader>
        <CardTitle>Unsupported agent versions</CardTitle>
        <CardDescription>
          A sensor reporting one of these versions (same vendor and product) shows as degraded in coverage.
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        {list.isPending ? (
          <LoadingState rows={2} />
        ) : list.isError ? (
          <QueryError error={list.error} onRetry={() => list.refetch()} />
        ) : list.data.length === 0 ? (
          <p className="text-sm text-muted-foreground">No versions are listed: every agent version is supported.</p>
        ) : (
          <Table framed>
            <THead>
              <TR>
                <TH>Vendor</TH>
                <TH>Product</TH>
                <TH>Version</TH>
                <TH className="hidden sm:table-cell">Note</TH>
                {canManage ? (
                  <TH className="w-10">
                    <span className="sr-only">Remove</span>
                  </TH>
                ) : null}
              </TR>
            </THead>
            <TBody>
              {list.data.map((v) => (
                <TR key={v.id}>
                  <TD>{v.vendor}</TD>
                  <TD>{v.product}</TD>
                  <TD className="font-mono text-xs">{v.version}</TD>
                  <TD className="hidden text-muted-foreground sm:table-cell">{v.note ?? "—"}</TD>
                  {canManage ? (
                    <TD>
                      <Button
                        variant="ghost"
                        size="icon-sm"
                        aria-label={`Remove ${v.vendor} ${v.product} ${v.version}`}
                        disabled={remove.isPending}
                        onClick={() => remove.mutate({ id: v.id })}
                      >
                        <Trash2 aria-hidden="true" />
                      </Button>
                    </TD>
                  ) : null}
                </TR>
              ))}
            </TBody>
          </Table>
        )}
        {canManage ? (
          <form noValidate onSubmit={submit} className="grid gap-3">
            <div className="grid items-start gap-3 sm:grid-cols-3">
              {(["vendor", "product", "version"] as const).map((k) => (
                <Field key={k} label={k[0]!.toUpperCase() + k.slice(1)} required error={errors[k]}>
                  <Input
                    value={values[k]}
                    autoComplete="off"
                    onChange={(e) => setValues((v) => ({ ...v, [k]: e.target.value }))}
                  />
                </Field>
              ))}
            </div>
            <Field label="Note" error={errors.note} hint="Optional: why, or what to upgrade to.">
              <Input
                value={values.note}
                autoComplete="off"
                onChange={(e) => setValues((v) => ({ ...v, note: e.target.value }))}
              />
            </Field>
            {formError ? <Alert tone="danger">{formError}</Alert> : null}
            <Button type="submit" loading={add.isPending} className="justify-self-start">
              Add to the list
            </Button>
          </form>
        ) : (
          <p className="text-xs text-muted-foreground">Only provider admins and SOC managers can change this list.</p>
        )}
      </CardContent>
    </Card>
  );
}
