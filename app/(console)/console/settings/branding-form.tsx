"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Lock } from "lucide-react";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { Alert } from "@/app/_components/ui/alert";
import { Button } from "@/app/_components/ui/button";
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from "@/app/_components/ui/card";
import { useTRPC } from "@/app/_lib/trpc/client";
import { brandingInput } from "@/server/provider/schema";
import { describeError, type FieldErrors, validate } from "../_components/errors";
import { type Notice, NoticeAlert } from "../_components/notice";
import type { RouterOutputs } from "../_components/types";
import { BrandingFields } from "./branding-fields";
import { BrandingPreview, type BrandingPreviewValues } from "./branding-preview";
import { LogoField } from "./logo-field";

export type Settings = RouterOutputs["provider"]["settings"];
type Values = BrandingPreviewValues;
const FIELDS = ["name", "legalName", "supportEmail", "primaryColor", "accentColor", "logoSvg"] as const;

const valuesOf = (s: Settings): Values => ({
  name: s.name,
  legalName: s.legalName ?? "",
  supportEmail: s.supportEmail ?? "",
  primaryColor: s.primaryColor,
  accentColor: s.accentColor,
  logoSvg: s.logoSvg,
});

const inputOf = (v: Values) => ({
  ...v,
  legalName: v.legalName.trim() || null,
  supportEmail: v.supportEmail.trim() || null,
});

/** The branding form beside a live preview of the report cover and an e-mail. */
export function BrandingForm({
  saved,
  canManage,
  sampleMonth,
}: {
  saved: Settings;
  canManage: boolean;
  sampleMonth: string;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const [values, setValues] = useState(() => valuesOf(saved));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [notice, setNotice] = useState<Notice | null>(null);
  const readOnly = !canManage;
  const dirty = JSON.stringify(inputOf(values)) !== JSON.stringify(inputOf(valuesOf(saved)));

  const save = useMutation(
    trpc.provider.updateBranding.mutationOptions({
      onSuccess: (row) => {
        queryClient.setQueryData(trpc.provider.settings.queryKey(), row);
        setValues(valuesOf(row));
        setNotice({
          tone: "success",
          title: "Branding saved",
          body: "Reports generated from now on and new e-mails use it.",
        });
        router.refresh();
      },
      onError: (error) => {
        const d = describeError(error, FIELDS);
        setErrors(d.fields);
        setNotice(d.message ? { tone: "danger", title: "The branding was not saved", body: d.message } : null);
      },
    }),
  );

  function change(patch: Partial<Values>) {
    setValues((v) => ({ ...v, ...patch }));
    setErrors((e) => ({ ...e, ...Object.fromEntries(Object.keys(patch).map((k) => [k, undefined])) }));
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    setNotice(null);
    const parsed = validate(brandingInput, inputOf(values));
    if (!parsed.ok) return setErrors(parsed.errors);
    save.mutate(parsed.data);
  }

  return (
    <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
      <Card>
        <form noValidate onSubmit={submit}>
          <CardHeader>
            <CardTitle>Branding</CardTitle>
            <CardDescription>
              On the cover of every monthly report and in every e-mail Watchkeeper sends; the name also heads the
              console and the portal. Reports already issued keep the branding they were made with.
            </CardDescription>
          </CardHeader>
          <CardContent className="grid gap-5">
            {readOnly ? (
              <Alert icon={Lock} title="Read only">
                Only a provider admin can change the branding.
              </Alert>
            ) : null}
            <BrandingFields values={values} errors={errors} readOnly={readOnly} onChange={change} />
            <LogoField
              value={values.logoSvg}
              error={errors.logoSvg}
              readOnly={readOnly}
              onChange={(logoSvg) => change({ logoSvg })}
            />
            <NoticeAlert notice={notice} onDismiss={() => setNotice(null)} />
          </CardContent>
          {readOnly ? null : (
            <CardFooter>
              <Button
                variant="outline"
                disabled={!dirty || save.isPending}
                onClick={() => {
                  setValues(valuesOf(saved));
                  setErrors({});
                  setNotice(null);
                }}
              >
                Discard changes
              </Button>
              <Button type="submit" loading={save.isPending} disabled={!dirty}>
                Save branding
              </Button>
            </CardFooter>
          )}
        </form>
      </Card>
      <Card className="lg:sticky lg:top-20">
        <CardHeader>
          <CardTitle>Preview</CardTitle>
          <CardDescription>{dirty ? "With your unsaved changes." : "As in use now."}</CardDescription>
        </CardHeader>
        <CardContent>
          <BrandingPreview values={values} month={sampleMonth} />
        </CardContent>
      </Card>
    </div>
  );
}
