import { Crosshair } from "lucide-react";
import { Button } from "@/app/_components/ui/button";
import { Card } from "@/app/_components/ui/card";
import Link from "@/app/_components/ui/link";
import { PageHeader } from "@/app/_components/ui/page-header";
import { EmptyState } from "@/app/_components/ui/states";

export default function HuntNotFound() {
  return (
    <>
      <PageHeader
        title="Threat hunt not found"
        breadcrumbs={[{ label: "Threat hunts", href: "/console/hunts" }, { label: "Not found" }]}
      />
      <Card>
        <EmptyState
          icon={Crosshair}
          title="There is no threat hunt at this address"
          description="The link may be mistyped, or the hunt may have been removed."
          action={
            <Button asChild variant="outline">
              <Link href="/console/hunts">Back to all hunts</Link>
            </Button>
          }
        />
      </Card>
    </>
  );
}
