import { Card } from "@/app/_components/ui/card";
import { Skeleton } from "@/app/_components/ui/states";

/** The body of each console section's loading.tsx: a header and a table-shaped placeholder. */
export function PageSkeleton({
  label,
  rows = 6,
  withFilters = false,
}: {
  label: string;
  rows?: number;
  withFilters?: boolean;
}) {
  return (
    <div role="status" aria-live="polite" className="grid gap-6">
      <span className="sr-only">{label}</span>
      <div className="grid gap-2">
        <Skeleton className="h-6 w-48" />
        <Skeleton className="h-4 w-80 max-w-full" />
      </div>
      {withFilters ? <Skeleton className="h-9 w-full max-w-xl" /> : null}
      <TableSkeleton rows={rows} />
    </div>
  );
}

export function TableSkeleton({ rows = 6 }: { rows?: number }) {
  return (
    <Card className="overflow-hidden">
      <div className="h-9 border-b border-border bg-muted/50" />
      <div className="grid">
        {Array.from({ length: rows }, (_, i) => (
          <div key={i} className="flex items-center gap-4 border-b border-border px-3 py-3 last:border-0">
            <Skeleton className="h-4 w-1/4" />
            <Skeleton className="h-4 w-1/6" />
            <Skeleton className="h-4 w-1/6" />
            <Skeleton className="ml-auto h-4 w-16" />
          </div>
        ))}
      </div>
    </Card>
  );
}
