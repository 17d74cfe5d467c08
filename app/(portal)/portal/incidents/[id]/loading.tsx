import { Skeleton } from "@/app/_components/ui/states";

export default function Loading() {
  return (
    <div role="status" aria-live="polite" className="grid gap-6">
      <span className="sr-only">Loading incident…</span>
      <div className="grid gap-2">
        <Skeleton className="h-3 w-32" />
        <Skeleton className="h-6 w-2/3" />
        <div className="flex gap-2">
          <Skeleton className="h-5 w-16" />
          <Skeleton className="h-5 w-24" />
        </div>
      </div>
      <div className="grid gap-6 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
        <div className="grid content-start gap-6">
          {[5, 6].map((rows, i) => (
            <div key={i} className="grid gap-3 rounded-lg border border-border bg-card p-5">
              <Skeleton className="h-4 w-1/4" />
              {Array.from({ length: rows }, (_, j) => (
                <Skeleton key={j} className={j % 2 ? "h-4 w-5/6" : "h-4 w-full"} />
              ))}
            </div>
          ))}
        </div>
        <div className="grid content-start gap-3 rounded-lg border border-border bg-card p-5">
          <Skeleton className="h-4 w-1/3" />
          {[0, 1, 2, 3].map((i) => (
            <Skeleton key={i} className="h-4 w-full" />
          ))}
        </div>
      </div>
    </div>
  );
}
