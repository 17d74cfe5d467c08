import path from "node:path";
import { Font } from "@react-pdf/renderer";

/**
 * The report's typeface: DejaVu Sans, shipped in public/fonts (licence beside it). The built-in Helvetica is WinAnsi
 * only, so names like "Łódź" or Greek and Cyrillic would print as garbage; DejaVu covers them. Registered by absolute
 * path, so rendering never touches the network.
 */
export const FONT_FAMILY = "DejaVu Sans";

let registered = false;

export function registerFonts() {
  if (registered) return;
  const dir = path.join(/*turbopackIgnore: true*/ process.cwd(), "public", "fonts");
  const file = (name: string) => path.join(dir, name);
  Font.register({
    family: FONT_FAMILY,
    fonts: [
      { src: file("DejaVuSans.ttf") },
      { src: file("DejaVuSans-Bold.ttf"), fontWeight: "bold" },
      { src: file("DejaVuSans-Oblique.ttf"), fontStyle: "italic" },
      { src: file("DejaVuSans-BoldOblique.ttf"), fontWeight: "bold", fontStyle: "italic" },
    ],
  });
  // Whole words only: the default English hyphenator splits names and references ("HAL-1|2") in odd places.
  Font.registerHyphenationCallback((word) => [word]);
  registered = true;
}
