import { Fragment } from "react";
import { cn } from "@/app/_lib/cn";

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
const BIDI_SPLIT = /([\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069])/;

/**
 * Text from alerts, analysts or customers, shown as text only: React escapes any HTML, the text is isolated from
 * its surroundings, and invisible direction controls (which can make text read differently from what it is) are
 * shown as visible markers instead of being applied.
 */
export function SafeText({ text, className }: { text: string; className?: string }) {
  const parts = text.split(BIDI_SPLIT);
  return (
    <bdi className={cn("[unicode-bidi:isolate]", className)}>
      {parts.length === 1
        ? text
        : parts.map((part, i) => {
            const name = BIDI_NAMES[part];
            if (!name) return <Fragment key={i}>{part}</Fragment>;
            const code = `U+${part.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;
            return (
              <abbr
                key={i}
                title={`Hidden text-direction control ${code} (${name}), shown here instead of applied`}
                className="mx-px rounded-sm border border-warning/40 bg-warning/10 px-0.5 font-mono text-[0.7em] text-warning no-underline"
              >
                {name}
              </abbr>
            );
          })}
    </bdi>
  );
}
