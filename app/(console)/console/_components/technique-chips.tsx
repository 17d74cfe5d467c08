import { cn } from "@/app/_lib/cn";

/** ATT&CK technique ids as compact chips; past `max`, the rest are counted. */
export function TechniqueChips({
  ids,
  max = 3,
  names,
  className,
}: {
  ids: readonly string[];
  max?: number;
  /** Optional id → name, shown as a tooltip. */
  names?: Readonly<Record<string, string>>;
  className?: string;
}) {
  if (ids.length === 0) return <span className="text-muted-foreground">—</span>;
  const shown = ids.slice(0, max);
  const rest = ids.slice(max);
  return (
    <span className={cn("flex flex-wrap gap-1", className)}>
      {shown.map((id) => (
        <span
          key={id}
          title={names?.[id] ? `${id} ${names[id]}` : id}
          className="rounded border border-border bg-muted px-1 py-px font-mono text-[11px] leading-4 text-foreground"
        >
          {id}
        </span>
      ))}
      {rest.length ? (
        <span title={rest.join(", ")} className="px-0.5 text-[11px] leading-5 text-muted-foreground">
          +{rest.length}
        </span>
      ) : null}
    </span>
  );
}
