import { Siren } from "lucide-react";
import { Button } from "@/app/_components/ui/button";
import { Card } from "@/app/_components/ui/card";
import Link from "@/app/_components/ui/link";
import { PageHeader } from "@/app/_components/ui/page-header";
import { EmptyState } from "@/app/_components/ui/states";

export default function IncidentNotFound() {
  return (
    <>
      <PageHeader
        title="Incident not found"
        breadcrumbs={[{ label: "Incidents", href: "/console/incidents" }, { label: "Not found" }]}
      />
      <Card>
        <EmptyState
          icon={Siren}
          title="There is no incident at this address"
          description="The link may be mistyped, or the incident may have been removed with its customer."
          action={
            <Button asChild variant="outline">
              <Link href="/console/incidents">Back to all incidents</Link>
            </Button>
          }
        />
      </Card>
    </>
  );
}
