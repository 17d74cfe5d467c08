import { StyleSheet } from "@react-pdf/renderer";
import type { MonthlyReportModel } from "@/server/reports/model/assemble";
import { FONT_FAMILY } from "./fonts";
import { luminance, safeColor, textOn } from "./format";

/**
 * Colours of the report. The provider's brand colours are checked (a bad value falls back to the defaults); lines,
 * bars and coloured text use `ink`/`ink2`, which are the brand colours only when those show up on white paper.
 */
export type Theme = { primary: string; onPrimary: string; accent: string; onAccent: string; ink: string; ink2: string };

const onWhite = (hex: string) => luminance(hex) < 0.6;

export function themeOf(provider: MonthlyReportModel["provider"]): Theme {
  const primary = safeColor(provider.primaryColor, "#0f766e");
  const accent = safeColor(provider.accentColor, "#f59e0b");
  const ink = onWhite(primary) ? primary : onWhite(accent) ? accent : "#0f766e";
  const ink2 = onWhite(accent) && accent !== ink ? accent : "#b45309";
  return { primary, onPrimary: textOn(primary), accent, onAccent: textOn(accent), ink, ink2 };
}

export const INK = "#0f172a";
export const MUTED = "#64748b";
export const RULE = "#e2e8f0";
export const PANEL = "#f8fafc";
export const GOOD = "#15803d";
export const BAD = "#b91c1c";

export const SEVERITY_COLORS: Record<number, string> = {
  5: "#b91c1c",
  4: "#ea580c",
  3: "#ca8a04",
  2: "#2563eb",
  1: "#64748b",
  0: "#94a3b8",
};
export const SLA_SEVERITY_COLORS: Record<string, string> = {
  critical: SEVERITY_COLORS[5]!,
  high: SEVERITY_COLORS[4]!,
  medium: SEVERITY_COLORS[3]!,
  low: SEVERITY_COLORS[2]!,
};

/** Page geometry (points, A4 = 595 × 842). */
export const PAGE = { width: 595.28, margin: 40, top: 64, bottom: 56 };
export const CONTENT_WIDTH = PAGE.width - 2 * PAGE.margin;

export const s = StyleSheet.create({
  page: {
    fontFamily: FONT_FAMILY,
    fontSize: 9,
    color: INK,
    paddingTop: PAGE.top,
    paddingBottom: PAGE.bottom,
    paddingHorizontal: PAGE.margin,
  },
  // Line height lives here, not on the Page: a lineHeight on a render-prop text or any of its ancestors blanks it
  // in react-pdf 4.9 (the page numbers vanished), so the footer has none either.
  body: { fontSize: 9, lineHeight: 1.35 },
  header: {
    position: "absolute",
    top: 24,
    left: PAGE.margin,
    right: PAGE.margin,
    flexDirection: "row",
    justifyContent: "space-between",
    borderBottomWidth: 0.75,
    paddingBottom: 5,
    fontSize: 7.5,
    lineHeight: 1.3,
    color: MUTED,
  },
  footer: {
    position: "absolute",
    bottom: 24,
    left: PAGE.margin,
    right: PAGE.margin,
    flexDirection: "row",
    justifyContent: "space-between",
    borderTopWidth: 0.5,
    borderTopColor: RULE,
    paddingTop: 5,
    fontSize: 7.5,
    color: MUTED,
  },
  h1: { fontSize: 16, lineHeight: 1.2, fontWeight: "bold", marginBottom: 8 },
  h2: { fontSize: 11.5, lineHeight: 1.3, fontWeight: "bold", marginBottom: 6, marginTop: 14 },
  h3: { fontSize: 9.5, lineHeight: 1.3, fontWeight: "bold", marginBottom: 4 },
  muted: { color: MUTED },
  small: { fontSize: 7.5, lineHeight: 1.3 },
  paragraph: { marginBottom: 4 },
  panel: { backgroundColor: PANEL, borderRadius: 4, padding: 10 },
  empty: { color: MUTED, fontStyle: "italic", paddingVertical: 6 },
  row: { flexDirection: "row" },
  // Tables
  th: {
    flexDirection: "row",
    borderBottomWidth: 0.75,
    paddingVertical: 4,
    fontWeight: "bold",
    fontSize: 8,
    lineHeight: 1.3,
  },
  tr: {
    flexDirection: "row",
    borderBottomWidth: 0.5,
    borderBottomColor: RULE,
    paddingVertical: 4,
    fontSize: 8,
    lineHeight: 1.3,
  },
  cell: { paddingRight: 6 },
  num: { textAlign: "right", paddingRight: 6 },
  badge: {
    fontSize: 7,
    lineHeight: 1.3,
    fontWeight: "bold",
    color: "#ffffff",
    paddingHorizontal: 4,
    paddingVertical: 1,
    borderRadius: 2,
  },
});
