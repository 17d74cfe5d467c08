import { SearchX } from "lucide-react";
import { Button } from "@/app/_components/ui/button";
import { Card } from "@/app/_components/ui/card";
import Link from "@/app/_components/ui/link";
import { PageHeader } from "@/app/_components/ui/page-header";
import { EmptyState } from "@/app/_components/ui/states";

export default function ConsoleNotFound() {
  return (
    <>
      <PageHeader
        title="Page not found"
        breadcrumbs={[{ label: "Console", href: "/console" }, { label: "Not found" }]}
      />
      <Card>
        <EmptyState
          icon={SearchX}
          title="There is no console page at this address"
          description="The link may be old or mistyped. Every page of the console is in the menu."
          action={
            <Button asChild variant="outline">
              <Link href="/console">Go to the console home</Link>
            </Button>
          }
        />
      </Card>
    </>
  );
}
