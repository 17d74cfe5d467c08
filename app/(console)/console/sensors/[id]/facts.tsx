import type { ReactNode } from "react";
import { DateTime } from "../../_components/date-time";

export function Facts({ rows }: { rows: { label: string; value: ReactNode }[] }) {
  return (
    <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-[10rem_1fr]">
      {rows.map((row) => (
        <div key={row.label} className="grid min-w-0 gap-0.5 sm:col-span-2 sm:grid-cols-subgrid">
          <dt className="text-muted-foreground">{row.label}</dt>
          <dd className="min-w-0 break-words">{row.value}</dd>
        </div>
      ))}
    </dl>
  );
}

export function When({ value }: { value: Date | string | null }) {
  if (!value) return <span className="text-muted-foreground">Never</span>;
  return (
    <>
      <DateTime value={value} />
      <span className="text-muted-foreground">
        {" "}
        (<DateTime value={value} mode="relative" />)
      </span>
    </>
  );
}
