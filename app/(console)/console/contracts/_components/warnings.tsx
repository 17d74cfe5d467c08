import { CircleAlert, Info, TriangleAlert } from "lucide-react";
import { Badge, type BadgeTone } from "@/app/_components/ui/badge";
import { cn } from "@/app/_lib/cn";
import type { Warning } from "@/server/contracts/warnings";

export type { Warning };
export type Level = Warning["level"];

export const LEVEL_RANK: Record<Level, number> = { danger: 0, warning: 1, info: 2 };
const TONE: Record<Level, BadgeTone> = { danger: "danger", warning: "warning", info: "info" };
const ICON = { danger: CircleAlert, warning: TriangleAlert, info: Info } as const;
const TEXT: Record<Level, string> = { danger: "text-destructive", warning: "text-warning", info: "text-info" };

export const KIND_LABELS: Record<Warning["kind"], string> = {
  renewal_due: "Renewal due",
  notice_passed: "Notice passed",
  expired: "Expired",
  not_started: "Not started",
  endpoints_over: "Endpoints over licence",
  sensors_over: "Sensors over licence",
  class_unmonitored: "Class not in contract",
  class_missing: "Class sold, not deployed",
};

/** Most severe first; stable within a level. */
export function byLevel<T extends { level: Level }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => LEVEL_RANK[a.level] - LEVEL_RANK[b.level]);
}

/** The worst level among warnings, or null when there are none. */
export function worstLevel(warnings: readonly { level: Level }[]): Level | null {
  return byLevel(warnings)[0]?.level ?? null;
}

const KIND_PLURALS: Partial<Record<Warning["kind"], (n: number) => string>> = {
  class_unmonitored: (n) => `${n} classes not in contract`,
  class_missing: (n) => `${n} classes sold, not deployed`,
};

/** One badge per kind, most severe first ("3 classes sold, not deployed"); the messages are in the tooltip. */
export function WarningBadges({ warnings, className }: { warnings: readonly Warning[]; className?: string }) {
  const groups = new Map<Warning["kind"], Warning[]>();
  for (const w of byLevel(warnings)) groups.set(w.kind, [...(groups.get(w.kind) ?? []), w]);
  return (
    <div className={cn("flex flex-wrap gap-1", className)}>
      {[...groups.entries()].map(([kind, ws]) => {
        const level = ws[0]?.level ?? "info";
        const Icon = ICON[level];
        const plural = KIND_PLURALS[kind];
        return (
          <Badge
            key={kind}
            tone={TONE[level]}
            title={ws.map((w) => w.message).join("\n")}
            className="whitespace-normal"
          >
            <Icon aria-hidden="true" />
            {ws.length > 1 && plural ? plural(ws.length) : KIND_LABELS[kind]}
          </Badge>
        );
      })}
    </div>
  );
}

/** Each warning as a line with its level's icon: "Renewal decision due by 2027-01-15 (48 days; …)". */
export function WarningLines({ warnings, className }: { warnings: readonly Warning[]; className?: string }) {
  if (warnings.length === 0) return null;
  return (
    <ul className={cn("grid gap-1 text-sm", className)}>
      {byLevel(warnings).map((w, i) => {
        const Icon = ICON[w.level];
        return (
          <li key={`${w.kind}-${i}`} className="flex items-start gap-2">
            <Icon aria-hidden="true" className={cn("mt-0.5 size-4 shrink-0", TEXT[w.level])} />
            <span className="min-w-0">
              <span className="sr-only">
                {w.level === "info" ? "Note" : w.level === "danger" ? "Urgent" : "Warning"}:{" "}
              </span>
              {w.message}
            </span>
          </li>
        );
      })}
    </ul>
  );
}
