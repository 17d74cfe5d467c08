import { Ban, Ellipsis, Power, PowerOff, RefreshCw } from "lucide-react";
import { Button } from "@/app/_components/ui/button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuTrigger,
} from "@/app/_components/ui/dropdown-menu";
import { EditSensorDialog } from "./edit-sensor-dialog";
import type { Confirm, Sensor } from "./sensor-types";

/** The page header's buttons for those who may manage sensors: edit, rotate, and the more-actions menu. */
export function SensorHeaderActions({
  sensorId,
  customerId,
  sensor: s,
  activeKeys,
  onSaved,
  openConfirm,
}: {
  sensorId: string;
  customerId: string;
  sensor: Sensor;
  activeKeys: number;
  onSaved: (name: string) => void;
  openConfirm: (c: Confirm) => void;
}) {
  const retired = s.status === "retired";
  return (
    <>
      <EditSensorDialog sensorId={sensorId} customerId={customerId} sensor={s} onSaved={onSaved} />
      {retired ? null : (
        <Button variant="outline" onClick={() => openConfirm("rotate")}>
          <RefreshCw aria-hidden="true" />
          Rotate key
        </Button>
      )}
      <DropdownMenu modal={false}>
        <DropdownMenuTrigger asChild>
          <Button variant="outline" size="icon" aria-label="More sensor actions">
            <Ellipsis aria-hidden="true" />
          </Button>
        </DropdownMenuTrigger>
        <DropdownMenuContent>
          {retired ? (
            <DropdownMenuItem onSelect={() => openConfirm("reactivate")}>
              <Power aria-hidden="true" />
              Reactivate sensor
            </DropdownMenuItem>
          ) : (
            <>
              <DropdownMenuItem destructive disabled={activeKeys === 0} onSelect={() => openConfirm("revoke")}>
                <Ban aria-hidden="true" />
                Revoke all keys
              </DropdownMenuItem>
              <DropdownMenuItem destructive onSelect={() => openConfirm("retire")}>
                <PowerOff aria-hidden="true" />
                Retire sensor
              </DropdownMenuItem>
            </>
          )}
        </DropdownMenuContent>
      </DropdownMenu>
    </>
  );
}
