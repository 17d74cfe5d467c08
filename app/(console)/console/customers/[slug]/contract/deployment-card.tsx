import { Check, Minus } from "lucide-react";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/app/_components/ui/card";
import { cn } from "@/app/_lib/cn";
import { SENSOR_CLASSES, type SensorClass } from "@/db/schema/sensors";
import type { Deployment } from "@/server/contracts/warnings";
import { SENSOR_CLASS_LABELS } from "@/server/sensors/schema";

function Meter({ label, deployed, licensed }: { label: string; deployed: number; licensed: number }) {
  const over = deployed > licensed;
  const share = licensed > 0 ? Math.min(1, deployed / licensed) : deployed > 0 ? 1 : 0;
  return (
    <div className="grid gap-1.5">
      <div className="flex items-baseline justify-between gap-3 text-sm">
        <span className="font-medium">{label}</span>
        <span className={cn("tabular-nums", over && "font-semibold text-warning")}>
          {deployed.toLocaleString("en-GB")} of {licensed.toLocaleString("en-GB")}
        </span>
      </div>
      <div aria-hidden="true" className="h-2 overflow-hidden rounded-full bg-muted">
        <div
          className={cn("h-full rounded-full", over ? "bg-warning" : "bg-primary")}
          style={{ width: `${share * 100}%` }}
        />
      </div>
      {over ? (
        <p className="text-xs text-warning">{(deployed - licensed).toLocaleString("en-GB")} over licence</p>
      ) : null}
    </div>
  );
}

const Yes = () => <Check aria-label="yes" role="img" className="size-4 text-success" />;
const No = () => <Minus aria-label="no" role="img" className="size-4 text-muted-foreground" />;

/** What is deployed today against what the terms license and monitor. */
export function DeploymentCard({
  deployment,
  licensedEndpoints,
  licensedSensors,
  monitoredClasses,
}: {
  deployment: Deployment;
  licensedEndpoints: number;
  licensedSensors: number;
  monitoredClasses: readonly SensorClass[];
}) {
  const classes = SENSOR_CLASSES.filter((c) => monitoredClasses.includes(c) || deployment.classes.includes(c));
  return (
    <Card>
      <CardHeader>
        <CardTitle>Deployment vs licence</CardTitle>
        <CardDescription>Active sensors today; endpoints are the hosts behind EDR sensors.</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-5">
        <Meter label="Endpoints" deployed={deployment.endpoints} licensed={licensedEndpoints} />
        <Meter label="Sensors" deployed={deployment.activeSensors} licensed={licensedSensors} />
        {classes.length ? (
          <table className="w-full text-sm">
            <caption className="sr-only">Sensor classes: sold and deployed</caption>
            <thead>
              <tr className="text-xs text-muted-foreground">
                <th scope="col" className="pb-1 text-left font-medium">
                  Class
                </th>
                <th scope="col" className="pb-1 text-center font-medium">
                  Sold
                </th>
                <th scope="col" className="pb-1 text-center font-medium">
                  Deployed
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-border">
              {classes.map((c) => {
                const sold = monitoredClasses.includes(c);
                const live = deployment.classes.includes(c);
                return (
                  <tr key={c} className={cn(sold !== live && "text-warning")}>
                    <th scope="row" className="py-1.5 text-left font-normal">
                      {SENSOR_CLASS_LABELS[c]}
                    </th>
                    <td className="py-1.5">
                      <span className="flex justify-center">{sold ? <Yes /> : <No />}</span>
                    </td>
                    <td className="py-1.5">
                      <span className="flex justify-center">{live ? <Yes /> : <No />}</span>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        ) : null}
      </CardContent>
    </Card>
  );
}
