import { Card } from "@/app/_components/ui/card";
import { Skeleton } from "@/app/_components/ui/states";
import { TableSkeleton } from "../../_components/page-skeleton";

export default function Loading() {
  return (
    <div role="status" aria-live="polite" className="grid gap-6">
      <span className="sr-only">Loading sensor…</span>
      <div className="grid gap-2">
        <Skeleton className="h-3 w-40" />
        <Skeleton className="h-6 w-64 max-w-full" />
        <Skeleton className="h-5 w-72 max-w-full" />
      </div>
      <div className="grid gap-6 lg:grid-cols-2">
        {[0, 1].map((i) => (
          <Card key={i} className="grid gap-3 p-5">
            <Skeleton className="h-4 w-1/3" />
            <Skeleton className="h-4 w-full" />
            <Skeleton className="h-4 w-5/6" />
            <Skeleton className="h-4 w-2/3" />
          </Card>
        ))}
      </div>
      <TableSkeleton rows={3} />
    </div>
  );
}
