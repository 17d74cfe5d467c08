import { Card, CardContent, CardHeader, CardTitle } from "@/app/_components/ui/card";
import Link from "@/app/_components/ui/link";
import { DateTime } from "../../_components/date-time";
import { SENSOR_CLASS_LABELS, SOURCE_FORMAT_LABELS } from "../sensor-labels";
import { Facts } from "./facts";
import type { Sensor } from "./sensor-types";

/** What the sensor is and whose it is. */
export function SensorCard({
  sensor: s,
  customer,
}: {
  sensor: Sensor;
  customer: { slug: string; name: string } | undefined;
}) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>Sensor</CardTitle>
      </CardHeader>
      <CardContent>
        <Facts
          rows={[
            {
              label: "Customer",
              value: customer ? (
                <Link
                  href={`/console/customers/${customer.slug}`}
                  className="text-primary underline-offset-4 hover:underline"
                >
                  {customer.name}
                </Link>
              ) : (
                "—"
              ),
            },
            {
              label: "Class",
              value:
                s.sensorClass === "xdr"
                  ? `${SENSOR_CLASS_LABELS.xdr}: ${s.providesClasses.map((c) => SENSOR_CLASS_LABELS[c]).join(", ")}`
                  : SENSOR_CLASS_LABELS[s.sensorClass],
            },
            {
              label: "Expected heartbeat",
              value: `every ${s.heartbeatIntervalSeconds / 60} min (silent after ${(3 * s.heartbeatIntervalSeconds) / 60} min)`,
            },
            { label: "Vendor", value: s.vendor },
            { label: "Product", value: s.product },
            { label: "Intake format", value: SOURCE_FORMAT_LABELS[s.sourceFormat] },
            { label: "Site", value: s.site ?? <span className="text-muted-foreground">Not set</span> },
            { label: "Added", value: <DateTime value={s.createdAt} /> },
          ]}
        />
      </CardContent>
    </Card>
  );
}
