import { Skeleton } from "@/app/_components/ui/states";
import { TableSkeleton } from "../_components/page-skeleton";

export default function Loading() {
  return (
    <div role="status" aria-live="polite" className="grid gap-6">
      <span className="sr-only">Loading contracts…</span>
      <div className="grid gap-2">
        <Skeleton className="h-6 w-40" />
        <Skeleton className="h-4 w-96 max-w-full" />
      </div>
      <div className="grid gap-3 rounded-lg border border-border bg-card p-5">
        <Skeleton className="h-4 w-36" />
        {Array.from({ length: 3 }, (_, i) => (
          <Skeleton key={i} className="h-8 w-full" />
        ))}
      </div>
      <TableSkeleton rows={6} />
    </div>
  );
}
