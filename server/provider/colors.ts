/** Colour and monogram rules of the provider's branding, shared by the PDF, e-mails and the settings form. Pure. */

/** Relative luminance (WCAG) of a #rrggbb colour, 0 (black) to 1 (white). */
export function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

/** White or near-black, whichever reads better on `hex`. */
export const textOn = (hex: string) => (luminance(hex) > 0.4 ? "#0f172a" : "#ffffff");

/** WCAG contrast ratio of white text on `hex` (1–21). */
export const contrastWithWhite = (hex: string) => 1.05 / (luminance(hex) + 0.05);

/** "Northwatch Security" → "NS": one or two letters for the badge shown when there is no logo. */
export function monogram(name: string): string {
  const words = name.split(/\s+/u).filter((w) => /\p{L}|\p{N}/u.test(w));
  const first = (w: string | undefined) => Array.from(w?.replace(/^[^\p{L}\p{N}]+/u, "") ?? "")[0] ?? "";
  const letters = words.length > 1 ? first(words[0]) + first(words[1]) : first(words[0]);
  return letters.toLocaleUpperCase("en-GB") || "W";
}
