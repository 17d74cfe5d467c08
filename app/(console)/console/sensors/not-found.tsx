import { Radar } from "lucide-react";
import { Button } from "@/app/_components/ui/button";
import { Card } from "@/app/_components/ui/card";
import Link from "@/app/_components/ui/link";
import { PageHeader } from "@/app/_components/ui/page-header";
import { EmptyState } from "@/app/_components/ui/states";

export default function SensorNotFound() {
  return (
    <>
      <PageHeader
        title="Sensor not found"
        breadcrumbs={[{ label: "Sensors", href: "/console/sensors" }, { label: "Not found" }]}
      />
      <Card>
        <EmptyState
          icon={Radar}
          title="There is no sensor at this address"
          description="The link may be mistyped, or the sensor may belong to a customer that no longer exists."
          action={
            <Button asChild variant="outline">
              <Link href="/console/sensors">Back to all sensors</Link>
            </Button>
          }
        />
      </Card>
    </>
  );
}
