import type { ComponentProps } from "react";
import { cn } from "@/app/_lib/cn";

export type BadgeTone = "neutral" | "primary" | "success" | "warning" | "danger" | "info";

const tones: Record<BadgeTone, string> = {
  neutral: "border-border bg-muted text-muted-foreground",
  primary: "border-primary/30 bg-primary/10 text-primary",
  success: "border-success/30 bg-success/10 text-success",
  warning: "border-warning/30 bg-warning/10 text-warning",
  danger: "border-destructive/30 bg-destructive/10 text-destructive",
  info: "border-info/30 bg-info/10 text-info",
};

const badgeBase =
  "inline-flex shrink-0 items-center gap-1 whitespace-nowrap rounded-md border px-1.5 py-0.5 text-xs font-medium " +
  "leading-4 [&_svg]:size-3 [&_svg]:shrink-0";

export interface BadgeProps extends ComponentProps<"span"> {
  tone?: BadgeTone;
}

export function Badge({ tone = "neutral", className, ...props }: BadgeProps) {
  return <span className={cn(badgeBase, tones[tone], className)} {...props} />;
}

export type Severity = "critical" | "high" | "medium" | "low" | "informational";

/** Most to least severe. */
export const SEVERITIES: readonly Severity[] = ["critical", "high", "medium", "low", "informational"];

export const SEVERITY_LABELS: Record<Severity, string> = {
  critical: "Critical",
  high: "High",
  medium: "Medium",
  low: "Low",
  informational: "Informational",
};

const severityStyles: Record<Severity, { badge: string; dot: string }> = {
  critical: {
    badge: "border-sev-critical/40 bg-sev-critical/15 text-sev-critical font-semibold",
    dot: "bg-sev-critical",
  },
  high: { badge: "border-sev-high/30 bg-sev-high/10 text-sev-high", dot: "bg-sev-high" },
  medium: { badge: "border-sev-medium/30 bg-sev-medium/10 text-sev-medium", dot: "bg-sev-medium" },
  low: { badge: "border-sev-low/30 bg-sev-low/10 text-sev-low", dot: "bg-sev-low" },
  informational: { badge: "border-sev-info/30 bg-sev-info/10 text-sev-info", dot: "bg-sev-info" },
};

export interface SeverityBadgeProps extends Omit<ComponentProps<"span">, "children"> {
  severity: Severity;
}

export function SeverityBadge({ severity, className, ...props }: SeverityBadgeProps) {
  const style = severityStyles[severity];
  return (
    <span className={cn(badgeBase, style.badge, className)} {...props}>
      <span aria-hidden="true" className={cn("size-1.5 rounded-full", style.dot)} />
      {SEVERITY_LABELS[severity]}
    </span>
  );
}
