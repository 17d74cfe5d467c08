import { MailX } from "lucide-react";
import { Button } from "@/app/_components/ui/button";
import { Card } from "@/app/_components/ui/card";
import Link from "@/app/_components/ui/link";
import { PageHeader } from "@/app/_components/ui/page-header";
import { EmptyState } from "@/app/_components/ui/states";

export default function MessageNotFound() {
  return (
    <>
      <PageHeader
        title="E-mail not found"
        breadcrumbs={[{ label: "E-mail outbox", href: "/console/outbox" }, { label: "Not found" }]}
      />
      <Card>
        <EmptyState
          icon={MailX}
          title="There is no e-mail at this address"
          description="The link may be mistyped or the message may have been removed."
          action={
            <Button asChild variant="outline">
              <Link href="/console/outbox">Back to the outbox</Link>
            </Button>
          }
        />
      </Card>
    </>
  );
}
