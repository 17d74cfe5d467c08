import { describe, expect, it } from "vitest";
import { type LogoNode, parseLogoSvg, transformToMatrix } from "./logo";

const svg = (body: string, attrs = 'viewBox="0 0 100 50"') =>
  `<svg xmlns="http://www.w3.org/2000/svg" ${attrs}>${body}</svg>`;
const flat = (nodes: LogoNode[]): LogoNode[] => nodes.flatMap((n) => [n, ...flat(n.children)]);

describe("parseLogoSvg", () => {
  it("reads the view box and every supported shape with its paint", () => {
    const logo = parseLogoSvg(
      `<?xml version="1.0"?><!-- a logo -->${svg(`
        <g fill="#0f766e" transform="translate(10, 5)">
          <path d="M0 0 L10 10 Z"/>
          <rect x="1" y="2" width="30" height="8" rx="2"/>
          <circle cx="5" cy="5" r="4" style="fill: #ffffff; stroke:none; stroke-width: 2"/>
          <ellipse cx="5" cy="5" rx="4" ry="2" fill="currentColor" color="#123456"/>
          <line x1="0" y1="0" x2="10" y2="0" stroke="red" stroke-linecap="round"/>
          <polyline points="0,0 5,5 10,0" fill="none" stroke="#000"/>
          <polygon points="0 0 5 5 10 0" fill-opacity="0.5" fill-rule="evenodd"/>
        </g>`)}`,
    );
    expect(logo?.viewBox).toEqual({ x: 0, y: 0, width: 100, height: 50 });
    const [g] = logo!.children;
    expect(g).toMatchObject({ tag: "g", attrs: { fill: "#0f766e", transform: "matrix(1, 0, 0, 1, 10, 5)" } });
    expect(g!.children.map((n) => n.tag)).toEqual(["path", "rect", "circle", "ellipse", "line", "polyline", "polygon"]);
    const [path, rect, circle, ellipse, line, polyline, polygon] = g!.children;
    expect(path!.attrs).toEqual({ d: "M0 0 L10 10 Z" });
    expect(rect!.attrs).toEqual({ x: 1, y: 2, width: 30, height: 8, rx: 2 });
    expect(circle!.attrs).toEqual({ cx: 5, cy: 5, r: 4, fill: "#ffffff", stroke: "none", strokeWidth: 2 });
    expect(ellipse!.attrs.fill).toBe("#123456");
    expect(line!.attrs).toMatchObject({ stroke: "red", strokeLinecap: "round", x2: 10 });
    expect(polyline!.attrs).toMatchObject({ points: "0 0 5 5 10 0", fill: "none" });
    expect(polygon!.attrs).toMatchObject({ fillOpacity: 0.5, fillRule: "evenodd" });
  });

  it("falls back to width and height without a view box, and keeps the root's paint as a group", () => {
    const logo = parseLogoSvg(svg('<rect width="10" height="10"/>', 'width="64px" height="32" fill="#ff0000"'));
    expect(logo?.viewBox).toEqual({ x: 0, y: 0, width: 64, height: 32 });
    expect(logo?.children[0]).toMatchObject({ tag: "g", attrs: { fill: "#ff0000" } });
    expect(logo?.children[0]?.children[0]?.tag).toBe("rect");
  });

  it("skips what it cannot draw (text, use, gradients, scripts) with their children, keeping the rest", () => {
    const logo = parseLogoSvg(
      svg(`
        <defs><linearGradient id="a"><stop offset="0" stop-color="#000"/></linearGradient></defs>
        <text x="0" y="10">Acme<tspan>Corp</tspan></text>
        <script>alert(1)</script>
        <use href="#a"/>
        <g><foreignObject><rect width="5" height="5"/></foreignObject></g>
        <rect width="5" height="5" fill="url(#a)"/>`),
    );
    const tags = flat(logo!.children).map((n) => n.tag);
    expect(tags).toEqual(["g", "rect"]);
    expect(flat(logo!.children).at(-1)!.attrs.fill).toBe("#64748b");
  });

  it("drops elements with broken geometry, paint or transform", () => {
    const logo = parseLogoSvg(
      svg(`
        <rect width="-5" height="5"/>
        <rect width="5%" height="5"/>
        <circle r="0"/>
        <path d="javascript:alert(1)"/>
        <path d="L 10 10"/>
        <path d="M 0 0 L 1e400 1"/>
        <polygon points="1 2 3"/>
        <rect width="5" height="5" transform="translate(1, 2) explode(3)"/>
        <rect width="5" height="5" transform="rotate(x)"/>
        <rect width="7" height="7" fill="expression(alert(1))" opacity="4"/>`),
    );
    expect(flat(logo!.children)).toEqual([
      { tag: "rect", attrs: { x: 0, y: 0, width: 7, height: 7, opacity: 1 }, children: [] },
    ]);
  });

  it.each([
    ["null", null],
    ["a number", 42],
    ["an object", { svg: true }],
    ["an empty string", ""],
    ["plain text", "Northwatch"],
    ["HTML", "<div><p>logo</p></div>"],
    ["an svg without a size", svg('<rect width="5" height="5"/>', "")],
    ["a zero view box", svg('<rect width="5" height="5"/>', 'viewBox="0 0 0 10"')],
    ["a non-numeric view box", svg('<rect width="5" height="5"/>', 'viewBox="a b c d"')],
    ["an svg without shapes", svg("<g><g></g></g>")],
    ["only broken shapes", svg('<path d="nonsense"/>')],
    ["a truncated document", '<svg viewBox="0 0 10 10"><path d="M0 0 L'],
    ["a huge document", svg(`<path d="M0 0 ${"L1 1 ".repeat(50_000)}"/>`)],
    ["too many shapes", svg('<rect width="1" height="1"/>'.repeat(2_500))],
  ])("yields null for %s", (_what, input) => {
    expect(parseLogoSvg(input)).toBeNull();
  });

  it("only reads the first svg element and ignores what surrounds it", () => {
    const logo = parseLogoSvg(
      `<html><body>${svg('<rect width="5" height="5"/>')}<svg viewBox="0 0 1 1"><circle r="1"/></svg></body></html>`,
    );
    expect(flat(logo!.children).map((n) => n.tag)).toEqual(["rect"]);
  });
});

describe("transformToMatrix", () => {
  it("composes transform lists left to right", () => {
    expect(transformToMatrix("translate(10 20) scale(2)")).toBe("matrix(2, 0, 0, 2, 10, 20)");
    expect(transformToMatrix("scale(2, 3)")).toBe("matrix(2, 0, 0, 3, 0, 0)");
    expect(transformToMatrix("matrix(1 0 0 1 5 6)")).toBe("matrix(1, 0, 0, 1, 5, 6)");
    // rotate(90) about (10, 0): (0, 0) maps to (10, -10)
    expect(transformToMatrix("rotate(90 10 0)")).toBe("matrix(0, 1, -1, 0, 10, -10)");
    expect(transformToMatrix("skewX(45)")).toBe("matrix(1, 0, 1, 1, 0, 0)");
  });

  it("rejects anything else", () => {
    for (const bad of ["translate(1,2) foo(3)", "scale()", "matrix(1 2 3)", "rotate(1e400)", "translate(1, NaN)"])
      expect(transformToMatrix(bad)).toBeNull();
  });
});
