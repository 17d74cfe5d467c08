import Link from "@/app/_components/ui/link";
import { SafeText, visibleText } from "@/app/_components/ui/safe-text";
import { TD } from "@/app/_components/ui/table";
import { cn } from "@/app/_lib/cn";

/** The SLA lists' incident cell: its reference linking to the workspace, and its title (two lines at most). */
export function IncidentCell({
  incidentId,
  reference,
  title,
  className,
}: {
  incidentId: string;
  reference: string;
  title: string;
  className?: string;
}) {
  return (
    <TD className={cn("min-w-52 py-2", className)}>
      <Link
        href={`/console/incidents/${incidentId}`}
        className="font-mono text-xs font-medium text-primary hover:underline"
      >
        {reference}
      </Link>
      <span className="line-clamp-2 break-words text-foreground" title={visibleText(title)}>
        <SafeText text={title} />
      </span>
    </TD>
  );
}

/** The SLA lists' customer cell (from md up, two lines at most). */
export function CustomerCell({ name }: { name: string }) {
  return (
    <TD className="hidden max-w-44 min-w-32 py-2 md:table-cell">
      <span className="line-clamp-2 break-words" title={name}>
        {name}
      </span>
    </TD>
  );
}
