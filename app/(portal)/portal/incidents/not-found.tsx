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
        breadcrumbs={[{ label: "Incidents", href: "/portal/incidents" }, { label: "Not found" }]}
      />
      <Card>
        <EmptyState
          icon={Siren}
          title="There is no incident at this address"
          description="The link may be mistyped or incomplete. Your incidents are all listed on the incidents page."
          action={
            <Button asChild variant="outline">
              <Link href="/portal/incidents">Back to incidents</Link>
            </Button>
          }
        />
      </Card>
    </>
  );
}
