"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Pencil } from "lucide-react";
import { type FormEvent, useState } from "react";
import { Alert } from "@/app/_components/ui/alert";
import { Button } from "@/app/_components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogFooter } from "@/app/_components/ui/dialog";
import { useTRPC } from "@/app/_lib/trpc/client";
import { updateSensorFields } from "@/server/sensors/schema";
import { describeError, type FieldErrors, validate } from "../../_components/errors";
import { SensorFieldsForm, type SensorValues, sensorPayload } from "../sensor-fields";
import { SOURCE_FORMAT_LABELS, type SourceFormat } from "../sensor-labels";

const FIELDS = [
  "name",
  "site",
  "sensorClass",
  "vendor",
  "product",
  "heartbeatIntervalSeconds",
  "providesClasses",
] as const;

type Sensor = Omit<SensorValues, "site" | "heartbeatMinutes" | "providesClasses"> & {
  site: string | null;
  sourceFormat: SourceFormat;
  heartbeatIntervalSeconds: number;
  providesClasses: SensorValues["providesClasses"];
};

export function EditSensorDialog({
  sensorId,
  customerId,
  sensor,
  onSaved,
}: {
  sensorId: string;
  customerId: string;
  sensor: Sensor;
  onSaved: (name: string) => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const fromSensor = (): SensorValues => ({
    name: sensor.name,
    site: sensor.site ?? "",
    sensorClass: sensor.sensorClass,
    vendor: sensor.vendor,
    product: sensor.product,
    heartbeatMinutes: String(sensor.heartbeatIntervalSeconds / 60),
    providesClasses: [...sensor.providesClasses],
  });
  const [values, setValues] = useState<SensorValues>(fromSensor);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);

  const update = useMutation(
    trpc.sensors.update.mutationOptions({
      onSuccess: async (row) => {
        setOpen(false);
        onSaved(row.name);
        await Promise.all([
          queryClient.invalidateQueries({ queryKey: trpc.sensors.byId.queryKey({ customerId, sensorId }) }),
          queryClient.invalidateQueries({ queryKey: trpc.sensors.all.queryKey() }),
        ]);
      },
      onError: (error) => {
        const described = describeError(error, FIELDS);
        setErrors(described.fields);
        setFormError(described.message);
      },
    }),
  );

  function onOpenChange(next: boolean) {
    if (update.isPending) return;
    if (next) {
      setValues(fromSensor());
      setErrors({});
      setFormError(null);
      update.reset();
    }
    setOpen(next);
  }

  function change(patch: Partial<SensorValues>) {
    setValues((v) => ({ ...v, ...patch }));
    const cleared: FieldErrors = {};
    for (const key of Object.keys(patch)) cleared[key] = undefined;
    setErrors((e) => ({ ...e, ...cleared }));
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    setFormError(null);
    const patch = sensorPayload(values);
    const parsed = validate(updateSensorFields, patch);
    if (!parsed.ok) return setErrors(parsed.errors);
    update.mutate({ customerId, sensorId, patch });
  }

  return (
    <>
      <Button variant="outline" onClick={() => onOpenChange(true)}>
        <Pencil aria-hidden="true" />
        Edit
      </Button>
      <Dialog open={open} onOpenChange={onOpenChange}>
        <DialogContent
          size="lg"
          title="Edit sensor"
          description={`Intake format: ${SOURCE_FORMAT_LABELS[sensor.sourceFormat]}. The format cannot change; add a new sensor for another one.`}
        >
          <form noValidate onSubmit={submit} className="grid gap-4">
            <SensorFieldsForm values={values} errors={errors} onChange={change} autoFocusName />
            {formError ? <Alert tone="danger">{formError}</Alert> : null}
            <DialogFooter>
              <DialogClose asChild>
                <Button variant="outline" disabled={update.isPending}>
                  Cancel
                </Button>
              </DialogClose>
              <Button type="submit" loading={update.isPending}>
                Save changes
              </Button>
            </DialogFooter>
          </form>
        </DialogContent>
      </Dialog>
    </>
  );
}
