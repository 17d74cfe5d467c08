import { Server } from "lucide-react";
import { Button } from "@/app/_components/ui/button";
import { Card } from "@/app/_components/ui/card";
import Link from "@/app/_components/ui/link";
import { PageHeader } from "@/app/_components/ui/page-header";
import { EmptyState } from "@/app/_components/ui/states";

export default function AssetNotFound() {
  return (
    <>
      <PageHeader
        title="Asset not found"
        breadcrumbs={[{ label: "Assets", href: "/console/assets" }, { label: "Not found" }]}
      />
      <Card>
        <EmptyState
          icon={Server}
          title="There is no asset at this address"
          description="The link may be mistyped, or the asset may belong to another customer than the one named in the link."
          action={
            <Button asChild variant="outline">
              <Link href="/console/assets">Back to all assets</Link>
            </Button>
          }
        />
      </Card>
    </>
  );
}
