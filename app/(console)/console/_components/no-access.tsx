import { Lock } from "lucide-react";
import { Card } from "@/app/_components/ui/card";
import { PageHeader } from "@/app/_components/ui/page-header";
import { EmptyState } from "@/app/_components/ui/states";

/** A page the signed-in role may not open: said plainly instead of failing queries. */
export function NoAccess({ title, roleLabel }: { title: string; roleLabel: string | undefined }) {
  return (
    <>
      <PageHeader title={title} />
      <Card>
        <EmptyState
          icon={Lock}
          title="Your role does not include this page"
          description={`${roleLabel ? `As ${roleLabel} you` : "You"} cannot open the ${title.toLowerCase()}. Ask a provider admin if you need it.`}
        />
      </Card>
    </>
  );
}
