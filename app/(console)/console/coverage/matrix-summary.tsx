import { DateTime } from "../_components/date-time";

type Summary = { customers: number; needsAction: number; missing: number; silent: number; degraded: number };

/** The provider-wide count of problems, above the matrix. */
export function MatrixSummary({ summary, at }: { summary: Summary; at: Date | string }) {
  const items = [
    {
      label: summary.needsAction === 1 ? "customers needs action" : "customers need action",
      value: summary.needsAction,
      of: summary.customers,
      tone: "text-foreground",
    },
    {
      label: summary.missing === 1 ? "contracted class missing" : "contracted classes missing",
      value: summary.missing,
      tone: "text-destructive",
    },
    {
      label: summary.silent === 1 ? "class silent" : "classes silent",
      value: summary.silent,
      tone: "text-destructive",
    },
    {
      label: summary.degraded === 1 ? "class degraded" : "classes degraded",
      value: summary.degraded,
      tone: "text-warning",
    },
  ];
  return (
    <div className="flex flex-wrap items-baseline gap-x-6 gap-y-1 text-sm">
      {items.map((i) => (
        <p key={i.label} className="text-muted-foreground">
          <span className={`text-lg font-semibold tabular-nums ${i.value ? i.tone : "text-muted-foreground"}`}>
            {i.value.toLocaleString("en-GB")}
          </span>
          {i.of !== undefined ? <span className="tabular-nums"> of {i.of.toLocaleString("en-GB")}</span> : null}{" "}
          {i.label}
        </p>
      ))}
      <p className="text-xs text-muted-foreground sm:ml-auto">
        As of <DateTime value={at} /> · refreshes every 30 s
      </p>
    </div>
  );
}
