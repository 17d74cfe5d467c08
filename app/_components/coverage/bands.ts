import type { Band } from "@/server/visibility/visibility";

/**
 * Heat-map colours: a sequential teal scale. Every pair of text and fill passes WCAG AA (≥ 4.5:1) in both themes:
 * light none #475569 on #f1f5f9 (6.9), low #134e4a on #ccfbf1 (8.4), partial #042f2e on #5eead4 (9.8), high
 * #ffffff on #0f766e (5.5); dark none #cbd5e1 on #1e293b (9.9), low #ccfbf1 on #134e4a (8.4), partial #ffffff on
 * #0f766e (5.5), high #042f2e on #2dd4bf (7.8). "Not observable" is text only (muted on the card, 5.5 / 6.9).
 */
export const BAND_CLASSES: Record<Band | "na", string> = {
  none: "bg-[#f1f5f9] text-[#475569] border-[#cbd5e1] dark:bg-[#1e293b] dark:text-[#cbd5e1] dark:border-[#334155]",
  low: "bg-[#ccfbf1] text-[#134e4a] border-[#99f6e4] dark:bg-[#134e4a] dark:text-[#ccfbf1] dark:border-[#115e59]",
  partial: "bg-[#5eead4] text-[#042f2e] border-[#2dd4bf] dark:bg-[#0f766e] dark:text-white dark:border-[#0d9488]",
  high: "bg-[#0f766e] text-white border-[#115e59] dark:bg-[#2dd4bf] dark:text-[#042f2e] dark:border-[#5eead4]",
  na: "bg-transparent text-muted-foreground border-dashed border-border",
};

export const BAND_LABELS: Record<Band | "na", string> = {
  none: "No visibility",
  low: "Low",
  partial: "Partial",
  high: "High",
  na: "Not observable by sensors",
};

export const BAND_HINTS: Record<Band | "na", string> = {
  none: "None of its data sources is watched.",
  low: "Under a third of its data sources is watched.",
  partial: "A third to two thirds of its data sources are watched.",
  high: "Two thirds or more of its data sources are watched.",
  na: "Happens outside the estate (e.g. reconnaissance): no sensor can see it.",
};

export const percent = (r: number | null) => (r === null ? "—" : `${Math.round(r * 100)}%`);
