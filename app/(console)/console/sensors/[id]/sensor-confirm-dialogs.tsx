import { ConfirmDialog } from "@/app/_components/ui/confirm-dialog";
import type { Sensor } from "./sensor-types";
import type { SensorActions } from "./use-sensor-actions";

/** The rotate, revoke, retire and reactivate confirmations; at most one is open. */
export function SensorConfirmDialogs({
  input,
  sensor: s,
  activeKeys,
  actions: { confirm, setConfirm, confirmError, rotate, revoke, setStatus },
}: {
  input: { customerId: string; sensorId: string };
  sensor: Sensor;
  activeKeys: number;
  actions: SensorActions;
}) {
  return (
    <>
      <ConfirmDialog
        open={confirm === "rotate"}
        onOpenChange={(open) => (open ? undefined : setConfirm(null))}
        title="Rotate the API key?"
        description={
          activeKeys > 0
            ? `The current key stops working at once. “${s.name}” sends nothing until it is configured with the new key, which you will see once.`
            : `A new key is issued for “${s.name}”; you will see it once.`
        }
        confirmLabel="Rotate key"
        destructive={activeKeys > 0}
        pending={rotate.isPending}
        error={confirm === "rotate" ? confirmError : null}
        onConfirm={() => rotate.mutate(input)}
      />
      <ConfirmDialog
        open={confirm === "revoke"}
        onOpenChange={(open) => (open ? undefined : setConfirm(null))}
        title="Revoke all keys?"
        description={`Every active key of “${s.name}” stops working at once, and nothing new is issued. Use this when a key may have leaked; rotate afterwards to reconnect the sensor.`}
        confirmLabel="Revoke keys"
        pending={revoke.isPending}
        error={confirm === "revoke" ? confirmError : null}
        onConfirm={() => revoke.mutate(input)}
      />
      <ConfirmDialog
        open={confirm === "retire"}
        onOpenChange={(open) => (open ? undefined : setConfirm(null))}
        title={`Retire “${s.name}”?`}
        description="Its keys are revoked, the intake refuses it, and it no longer counts as silent. Its alerts and history stay. You can reactivate it later."
        confirmLabel="Retire sensor"
        pending={setStatus.isPending}
        error={confirm === "retire" ? confirmError : null}
        onConfirm={() => setStatus.mutate({ ...input, status: "retired" })}
      />
      <ConfirmDialog
        open={confirm === "reactivate"}
        onOpenChange={(open) => (open ? undefined : setConfirm(null))}
        title={`Reactivate “${s.name}”?`}
        description="It becomes active again without a key; rotate the key afterwards to connect it."
        confirmLabel="Reactivate"
        destructive={false}
        pending={setStatus.isPending}
        error={confirm === "reactivate" ? confirmError : null}
        onConfirm={() => setStatus.mutate({ ...input, status: "active" })}
      />
    </>
  );
}
