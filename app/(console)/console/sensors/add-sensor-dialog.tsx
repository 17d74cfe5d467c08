"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Plus } from "lucide-react";
import { type FormEvent, useState } from "react";
import { Alert } from "@/app/_components/ui/alert";
import { Button } from "@/app/_components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogFooter } from "@/app/_components/ui/dialog";
import { Field } from "@/app/_components/ui/field";
import { Select } from "@/app/_components/ui/select";
import { useTRPC } from "@/app/_lib/trpc/client";
import { sensorFields } from "@/server/sensors/schema";
import { CustomerPicker } from "../_components/customer-picker";
import { describeError, type FieldErrors, validate } from "../_components/errors";
import { ApiKeyDialog, type IssuedKey } from "./api-key-dialog";
import { SensorFieldsForm, type SensorValues, sensorPayload } from "./sensor-fields";
import { FORMAT_DEFAULTS, SOURCE_FORMAT_LABELS, SOURCE_FORMATS, type SourceFormat } from "./sensor-labels";
import { sensorHref } from "./sensor-params";

const FIELDS = [
  "customerId",
  "name",
  "site",
  "sensorClass",
  "vendor",
  "product",
  "sourceFormat",
  "heartbeatIntervalSeconds",
  "providesClasses",
] as const;
const FIRST_FORMAT: SourceFormat = "crowdstrike";

type Values = SensorValues & { customerId: string; sourceFormat: SourceFormat };

const initial = (customerId: string): Values => ({
  customerId,
  sourceFormat: FIRST_FORMAT,
  name: "",
  site: "",
  heartbeatMinutes: "5",
  providesClasses: [],
  ...FORMAT_DEFAULTS[FIRST_FORMAT],
});

/** "Add sensor": creates the sensor and its first key, then shows the key once. */
export function AddSensorDialog({
  defaultCustomerId = "",
  label = "Add sensor",
}: {
  defaultCustomerId?: string;
  label?: string;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [values, setValues] = useState<Values>(() => initial(defaultCustomerId));
  // Class, vendor and product follow the format until someone types their own.
  const [edited, setEdited] = useState({ sensorClass: false, vendor: false, product: false });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [issued, setIssued] = useState<IssuedKey | null>(null);

  const create = useMutation(
    trpc.sensors.create.mutationOptions({
      onSuccess: async (result, vars) => {
        setOpen(false);
        setIssued({
          apiKey: result.apiKey,
          sensorName: result.sensor.name,
          sourceFormat: vars.sensor.sourceFormat,
          reason: "created",
          href: sensorHref(result.sensor),
        });
        await queryClient.invalidateQueries({ queryKey: trpc.sensors.all.queryKey() });
      },
      onError: (error) => {
        const described = describeError(error, FIELDS);
        setErrors(described.fields);
        setFormError(described.message);
      },
    }),
  );

  function change(patch: Partial<Values>) {
    setValues((v) => {
      const next = { ...v, ...patch };
      if (patch.sourceFormat) {
        const d = FORMAT_DEFAULTS[patch.sourceFormat];
        if (!edited.sensorClass) next.sensorClass = d.sensorClass;
        if (!edited.vendor) next.vendor = d.vendor;
        if (!edited.product) next.product = d.product;
      }
      return next;
    });
    setEdited((e) => ({
      sensorClass: e.sensorClass || patch.sensorClass !== undefined,
      vendor: e.vendor || patch.vendor !== undefined,
      product: e.product || patch.product !== undefined,
    }));
    const cleared: FieldErrors = {};
    for (const key of Object.keys(patch)) cleared[key] = undefined;
    setErrors((e) => ({ ...e, ...cleared }));
  }

  function onOpenChange(next: boolean) {
    if (create.isPending) return;
    if (next) {
      setValues(initial(defaultCustomerId));
      setEdited({ sensorClass: false, vendor: false, product: false });
      setErrors({});
      setFormError(null);
      create.reset();
    }
    setOpen(next);
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    setFormError(null);
    const { customerId, sourceFormat, ...rest } = values;
    const sensor = { ...sensorPayload(rest), sourceFormat };
    const parsed = validate(sensorFields, sensor);
    const customerError = customerId ? null : "Choose the customer this sensor belongs to";
    if (!parsed.ok || customerError) {
      setErrors({ ...(parsed.ok ? {} : parsed.errors), ...(customerError ? { customerId: customerError } : {}) });
      return;
    }
    create.mutate({ customerId, sensor });
  }

  return (
    <>
      <Button onClick={() => onOpenChange(true)}>
        <Plus aria-hidden="true" />
        {label}
      </Button>
      <Dialog open={open} onOpenChange={onOpenChange}>
        <DialogContent
          size="lg"
          title="Add sensor"
          description="Register a sensor or integration of a customer. Its API key is shown once, right after."
        >
          <form noValidate onSubmit={submit} className="grid gap-4">
            <div className="grid items-start gap-4 sm:grid-cols-2">
              <CustomerPicker
                choice
                required
                activeOnly
                autoFocus
                value={values.customerId || undefined}
                error={errors.customerId}
                onChange={(id) => change({ customerId: id ?? "" })}
              />
              <Field
                label="Intake format"
                required
                error={errors.sourceFormat}
                hint="What the sensor sends; fixed once created."
              >
                <Select
                  value={values.sourceFormat}
                  onChange={(e) => change({ sourceFormat: e.target.value as SourceFormat })}
                >
                  {SOURCE_FORMATS.map((f) => (
                    <option key={f} value={f}>
                      {SOURCE_FORMAT_LABELS[f]}
                    </option>
                  ))}
                </Select>
              </Field>
            </div>
            <SensorFieldsForm values={values} errors={errors} onChange={change} />
            {formError ? <Alert tone="danger">{formError}</Alert> : null}
            <DialogFooter>
              <DialogClose asChild>
                <Button variant="outline" disabled={create.isPending}>
                  Cancel
                </Button>
              </DialogClose>
              <Button type="submit" loading={create.isPending}>
                Add sensor and issue key
              </Button>
            </DialogFooter>
          </form>
        </DialogContent>
      </Dialog>
      <ApiKeyDialog
        issued={issued}
        onClose={() => {
          setIssued(null);
          create.reset();
        }}
      />
    </>
  );
}
