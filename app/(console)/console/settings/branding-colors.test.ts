import { describe, expect, it } from "vitest";
import { contrastWithWhite, isHex, monogram, svgDataUrl, textOn } from "./branding-colors";

describe("branding colours", () => {
  it("accepts only #RRGGBB", () => {
    expect(isHex("#0f766e")).toBe(true);
    expect(isHex("#fff")).toBe(false);
    expect(isHex("0f766e")).toBe(false);
  });

  it("picks readable text and measures white-on-colour contrast", () => {
    expect(textOn("#0f766e")).toBe("#ffffff");
    expect(textOn("#fde68a")).toBe("#0f172a");
    expect(contrastWithWhite("#000000")).toBeCloseTo(21, 0);
    expect(contrastWithWhite("#ffffff")).toBeCloseTo(1, 5);
  });

  it("makes a monogram", () => {
    expect(monogram("Northwatch Security")).toBe("NS");
    expect(monogram("  ")).toBe("W");
  });

  it("encodes SVG (including non-ASCII) as a base64 data URL", () => {
    const url = svgDataUrl('<svg xmlns="http://www.w3.org/2000/svg"><title>Ø</title></svg>');
    expect(url.startsWith("data:image/svg+xml;base64,")).toBe(true);
    const decoded = new TextDecoder().decode(Uint8Array.from(atob(url.split(",")[1]!), (c) => c.charCodeAt(0)));
    expect(decoded).toContain("<title>Ø</title>");
  });
});
