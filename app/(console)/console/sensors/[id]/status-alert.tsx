import { Alert } from "@/app/_components/ui/alert";
import { Button } from "@/app/_components/ui/button";
import { DateTime } from "../../_components/date-time";
import type { Sensor } from "./sensor-types";

export function StatusAlert({
  sensor: s,
  activeKeys,
  canManage,
  onRotate,
}: {
  sensor: Sensor;
  activeKeys: number;
  canManage: boolean;
  onRotate: () => void;
}) {
  const rotateButton = canManage ? (
    <Button variant="outline" size="sm" onClick={onRotate}>
      Rotate key
    </Button>
  ) : undefined;
  if (s.health === "retired") {
    return (
      <Alert tone="info" title="This sensor is retired">
        Its keys are revoked and the intake refuses it. {canManage ? "Reactivate it from the actions menu." : null}
      </Alert>
    );
  }
  if (activeKeys === 0) {
    return (
      <Alert tone="warning" title="No active API key" action={rotateButton}>
        The sensor cannot send alerts or heartbeats until a new key is issued and configured.
      </Alert>
    );
  }
  if (s.health === "silent") {
    return (
      <Alert tone="danger" title="The sensor is silent">
        Silent since {s.silentSince ? <DateTime value={s.silentSince} className="text-foreground" /> : "it was added"}{" "}
        (3 × its expected interval after it was last seen). Check the sensor, its network path to the intake and its
        key.
      </Alert>
    );
  }
  if (s.health === "pending") {
    return (
      <Alert tone="info" title="Waiting for the first heartbeat or alert">
        Configure the sensor with its key (see “Connect” below). It turns healthy with its first heartbeat.
      </Alert>
    );
  }
  return null;
}
