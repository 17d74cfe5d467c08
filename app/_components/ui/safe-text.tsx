import { Fragment } from "react";
import { cn } from "@/app/_lib/cn";

/**
 * Bidirectional formatting characters. Inside a title or file name they can make text read differently from what it
 * is ("cod.exe" shown for "exe.doc"), so they are never applied: each is shown as a visible marker instead.
 */
const BIDI_NAMES: Record<string, string> = {
  "\u061C": "ALM",
  "\u200E": "LRM",
  "\u200F": "RLM",
  "\u202A": "LRE",
  "\u202B": "RLE",
  "\u202C": "PDF",
  "\u202D": "LRO",
  "\u202E": "RLO",
  "\u2066": "LRI",
  "\u2067": "RLI",
  "\u2068": "FSI",
  "\u2069": "PDI",
};
const BIDI = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;
const BIDI_SPLIT = /([\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069])/;

export const hasBidiControls = (text: string) => new RegExp(BIDI.source).test(text);

/** The text with each bidi control replaced by a visible ⟨NAME⟩ marker: for tooltips, titles and plain strings. */
export function visibleText(text: string): string {
  return text.replace(BIDI, (c) => `⟨${BIDI_NAMES[c] ?? "BIDI"}⟩`);
}

/** Escapes bidi controls in JSON text as \uXXXX, which is still the same JSON. */
export function escapeBidi(json: string): string {
  return json.replace(BIDI, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/**
 * Text supplied by users, customers or vendors (alert titles, entity values, notes, file names), for the console
 * and the portal: rendered as text (React escapes HTML), isolated from its surroundings with `<bdi>` (direction
 * taken from the text itself, so an Arabic title does not reorder the row around it), long tokens such as hashes
 * and URLs allowed to wrap rather than overflow, and bidi controls shown as markers rather than obeyed.
 */
export function SafeText({ text, className }: { text: string | null | undefined; className?: string }) {
  if (!text) return null;
  const cls = cn("[overflow-wrap:anywhere] [unicode-bidi:isolate]", className);
  if (!hasBidiControls(text)) return <bdi className={cls}>{text}</bdi>;
  const parts = text.split(BIDI_SPLIT);
  return (
    <bdi className={cls}>
      {parts.map((part, i) =>
        i % 2 === 1 ? (
          <abbr
            key={i}
            title={`Hidden text-direction control U+${part.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")} (${BIDI_NAMES[part] ?? "BIDI"}), shown here instead of applied`}
            className="mx-px rounded-sm border border-warning/40 bg-warning/10 px-0.5 font-mono text-[0.8em] text-foreground no-underline [unicode-bidi:isolate]"
          >
            ⟨{BIDI_NAMES[part] ?? "BIDI"}⟩
          </abbr>
        ) : (
          <Fragment key={i}>{part}</Fragment>
        ),
      )}
    </bdi>
  );
}
