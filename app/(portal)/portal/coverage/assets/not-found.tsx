import { Server } from "lucide-react";
import { Button } from "@/app/_components/ui/button";
import { Card } from "@/app/_components/ui/card";
import Link from "@/app/_components/ui/link";
import { PageHeader } from "@/app/_components/ui/page-header";
import { EmptyState } from "@/app/_components/ui/states";

export default function PortalAssetNotFound() {
  return (
    <>
      <PageHeader
        title="Asset not found"
        breadcrumbs={[
          { label: "Coverage", href: "/portal/coverage" },
          { label: "Assets", href: "/portal/coverage/assets" },
          { label: "Not found" },
        ]}
      />
      <Card>
        <EmptyState
          icon={Server}
          title="There is no asset of yours at this address"
          description="The link may be mistyped, or the host may no longer be among your assets."
          action={
            <Button asChild variant="outline">
              <Link href="/portal/coverage/assets">Back to your assets</Link>
            </Button>
          }
        />
      </Card>
    </>
  );
}
