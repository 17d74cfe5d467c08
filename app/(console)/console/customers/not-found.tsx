import { Building2 } from "lucide-react";
import { Button } from "@/app/_components/ui/button";
import { Card } from "@/app/_components/ui/card";
import Link from "@/app/_components/ui/link";
import { PageHeader } from "@/app/_components/ui/page-header";
import { EmptyState } from "@/app/_components/ui/states";

export default function CustomerNotFound() {
  return (
    <>
      <PageHeader
        title="Customer not found"
        breadcrumbs={[{ label: "Customers", href: "/console/customers" }, { label: "Not found" }]}
      />
      <Card>
        <EmptyState
          icon={Building2}
          title="There is no customer at this address"
          description="The link may be mistyped, or the customer's slug may have changed."
          action={
            <Button asChild variant="outline">
              <Link href="/console/customers">Back to all customers</Link>
            </Button>
          }
        />
      </Card>
    </>
  );
}
