import { BellOff } from "lucide-react";
import { Button } from "@/app/_components/ui/button";
import { Card } from "@/app/_components/ui/card";
import Link from "@/app/_components/ui/link";
import { PageHeader } from "@/app/_components/ui/page-header";
import { EmptyState } from "@/app/_components/ui/states";

export default function AlertNotFound() {
  return (
    <>
      <PageHeader
        title="Alert not found"
        breadcrumbs={[{ label: "Alert queue", href: "/console/queue" }, { label: "Not found" }]}
      />
      <Card>
        <EmptyState
          icon={BellOff}
          title="There is no alert at this address"
          description="The link may be mistyped, or the alert may have been removed with its customer."
          action={
            <Button asChild variant="outline">
              <Link href="/console/queue">Back to the queue</Link>
            </Button>
          }
        />
      </Card>
    </>
  );
}
