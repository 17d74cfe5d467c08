import { formatDateTime } from "@/lib/format";
import { STATUS_LABELS } from "@/server/recommendations/lifecycle";

type Event = {
  id: string;
  at: Date;
  kind: string;
  fromStatus: string | null;
  toStatus: string | null;
  actorLabel: string;
  body: string | null;
};

const what = (e: Event) => {
  if (e.kind === "raised") return "Raised";
  if (e.kind === "status" && e.toStatus) return `→ ${STATUS_LABELS[e.toStatus as keyof typeof STATUS_LABELS]}`;
  if (e.kind === "severity") return "Severity";
  if (e.kind === "comment") return "Comment";
  if (e.kind === "edited") return "Updated";
  return e.kind;
};

/** System notes carry instants as ISO text ("resolved: condition cleared at 2026-…Z"): shown in the reader's zone. */
const readable = (body: string, timeZone?: string) =>
  body.replace(/\b\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z\b/g, (iso) => formatDateTime(iso, timeZone));

/** The recommendation's own history, oldest first (shared by console and portal). */
export function RecHistory({ events, timeZone }: { events: Event[]; timeZone?: string }) {
  return (
    <section className="grid gap-1">
      <h3 className="text-xs font-medium text-muted-foreground">History</h3>
      <ol className="grid gap-2 border-l border-border pl-3">
        {events.map((e) => (
          <li key={e.id} className="grid gap-0.5 text-sm">
            <span className="text-xs text-muted-foreground">
              {formatDateTime(e.at, timeZone)} · {e.actorLabel}
            </span>
            <span className="break-words">
              <span className="font-medium">{what(e)}</span>
              {e.body ? `: ${readable(e.body, timeZone)}` : ""}
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}
