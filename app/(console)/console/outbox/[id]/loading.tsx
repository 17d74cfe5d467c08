import { Card } from "@/app/_components/ui/card";
import { Skeleton } from "@/app/_components/ui/states";

export default function Loading() {
  return (
    <div role="status" aria-live="polite" className="grid gap-6">
      <span className="sr-only">Loading e-mail…</span>
      <div className="grid gap-3">
        <Skeleton className="h-3 w-48" />
        <Skeleton className="h-6 w-96 max-w-full" />
      </div>
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <Card className="h-[32rem] p-5">
          <Skeleton className="h-full w-full" />
        </Card>
        <Card className="grid content-start gap-3 p-5">
          {Array.from({ length: 6 }, (_, i) => (
            <Skeleton key={i} className="h-4 w-full" />
          ))}
        </Card>
      </div>
    </div>
  );
}
