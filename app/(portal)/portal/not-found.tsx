import { SearchX } from "lucide-react";
import { Button } from "@/app/_components/ui/button";
import { Card } from "@/app/_components/ui/card";
import Link from "@/app/_components/ui/link";
import { PageHeader } from "@/app/_components/ui/page-header";
import { EmptyState } from "@/app/_components/ui/states";

export default function PortalNotFound() {
  return (
    <>
      <PageHeader
        title="Page not found"
        breadcrumbs={[{ label: "Overview", href: "/portal" }, { label: "Not found" }]}
      />
      <Card>
        <EmptyState
          icon={SearchX}
          title="There is no page at this address"
          description="The link may be old or mistyped. Everything in your portal is in the menu."
          action={
            <Button asChild variant="outline">
              <Link href="/portal">Go to your overview</Link>
            </Button>
          }
        />
      </Card>
    </>
  );
}
