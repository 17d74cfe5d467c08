import type { ReactNode } from "react";

type Row = { key: string; label: string; value: ReactNode };

const MAX_ROWS = 4;

/** "receivesReports" → "receives reports". */
function humanize(key: string): string {
  return key
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replaceAll("_", " ")
    .toLowerCase();
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function scalar(v: unknown): string {
  if (v === null || v === undefined || v === "") return "—";
  if (typeof v === "boolean") return v ? "yes" : "no";
  if (Array.isArray(v)) return v.length ? v.map(scalar).join(", ") : "none";
  if (isRecord(v)) {
    return Object.entries(v)
      .map(([k, x]) => `${humanize(k)}: ${scalar(x)}`)
      .join("; ");
  }
  return String(v);
}

function change(from: unknown, to: unknown): ReactNode {
  return (
    <>
      <span className="text-muted-foreground line-through decoration-muted-foreground/50">{scalar(from)}</span>
      <span aria-hidden="true" className="px-1 text-muted-foreground">
        →
      </span>
      <span className="sr-only">changed to</span>
      <span>{scalar(to)}</span>
    </>
  );
}

const isChange = (v: unknown): v is { from: unknown; to: unknown } => isRecord(v) && "from" in v && "to" in v;

/** Flattens an audit summary into label → value rows: `changes`, `before`, `after` lose their wrapper. */
function rowsOf(summary: Record<string, unknown>, prefix = ""): Row[] {
  const rows: Row[] = [];
  const pair = "from" in summary && "to" in summary && !isRecord(summary.from) && !isRecord(summary.to);
  if (pair) rows.push({ key: `${prefix}from-to`, label: "change", value: change(summary.from, summary.to) });
  for (const [key, value] of Object.entries(summary)) {
    if (pair && (key === "from" || key === "to")) continue;
    if ((key === "changes" || key === "after" || key === "before") && isRecord(value)) {
      rows.push(...rowsOf(value, `${prefix}${key}.`));
    } else if (isChange(value)) {
      rows.push({ key: prefix + key, label: humanize(key), value: change(value.from, value.to) });
    } else {
      rows.push({ key: prefix + key, label: humanize(key), value: scalar(value) });
    }
  }
  return rows;
}

function Rows({ rows }: { rows: Row[] }) {
  return rows.map((r) => (
    <div key={r.key} className="contents">
      <dt className="whitespace-nowrap text-muted-foreground">{r.label}</dt>
      <dd className="min-w-0 [overflow-wrap:anywhere]">{r.value}</dd>
    </div>
  ));
}

/** An audit entry's summary as a small key → value list; long ones fold away behind "n more". */
export function SummaryList({ summary }: { summary: Record<string, unknown> }) {
  const rows = rowsOf(summary);
  if (rows.length === 0) return <span className="text-xs text-muted-foreground">—</span>;
  const shown = rows.length > MAX_ROWS + 1 ? rows.slice(0, MAX_ROWS) : rows;
  const rest = rows.slice(shown.length);
  return (
    <div className="grid gap-1 text-xs">
      <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-3 gap-y-0.5">
        <Rows rows={shown} />
      </dl>
      {rest.length ? (
        <details className="group">
          <summary className="cursor-pointer text-primary select-none hover:underline">{rest.length} more</summary>
          <dl className="mt-0.5 grid grid-cols-[auto_minmax(0,1fr)] gap-x-3 gap-y-0.5">
            <Rows rows={rest} />
          </dl>
        </details>
      ) : null}
    </div>
  );
}
