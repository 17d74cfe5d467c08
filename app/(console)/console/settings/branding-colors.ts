/** Colour and logo helpers of the branding form (pure, client-safe). */

const HEX = /^#[0-9a-fA-F]{6}$/;

export const isHex = (value: string) => HEX.test(value.trim());

export { contrastWithWhite, monogram, textOn } from "@/server/provider/colors";

/** An SVG document as a data: URL for an <img> (which never runs its scripts), UTF-8 safe. */
export function svgDataUrl(svg: string): string {
  const bytes = new TextEncoder().encode(svg);
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return `data:image/svg+xml;base64,${btoa(binary)}`;
}
