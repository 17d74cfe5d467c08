import { Circle, Ellipse, G, Line, Path, Polygon, Polyline, Rect, Svg } from "@react-pdf/renderer";
import { Parser } from "htmlparser2";
import type { ReactElement } from "react";

/**
 * The provider's logo (an SVG document kept in the settings) turned into react-pdf primitives. Only plain shapes are
 * drawn: svg, g, path, rect, circle, ellipse, line, polyline, polygon with fill, stroke and transform. Anything we cannot
 * draw faithfully (no size, no shapes, broken markup, too big) yields null and the cover shows a monogram instead.
 * Values are checked here, because one bad attribute would make react-pdf throw and lose the whole report.
 */
type Tag = "g" | "path" | "rect" | "circle" | "ellipse" | "line" | "polyline" | "polygon";
export type LogoNode = { tag: Tag; attrs: Record<string, string | number>; children: LogoNode[] };
export type ParsedLogo = { viewBox: { x: number; y: number; width: number; height: number }; children: LogoNode[] };

const MAX_BYTES = 200_000;
const MAX_NODES = 2_000;
const SHAPES = new Set<string>(["g", "path", "rect", "circle", "ellipse", "line", "polyline", "polygon"]);
const NUM = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?(px)?$/i;
const PATH_DATA = /^[MmZzLlHhVvCcSsQqTtAa0-9eE.,+\-\s]+$/;
const COLOR = /^(#[0-9a-f]{3,4}|#[0-9a-f]{6}|#[0-9a-f]{8}|rgba?\([\d\s.,%]+\)|[a-z]{3,20})$/i;

/** Coordinates beyond this are a broken logo, not a big one (and pdfkit throws on a non-finite number). */
const LIMIT = 1e6;
const sane = (n: number) => Number.isFinite(n) && Math.abs(n) <= LIMIT;
const num = (v: string | undefined) => {
  const n = v !== undefined && NUM.test(v.trim()) ? Number.parseFloat(v) : Number.NaN;
  return sane(n) ? n : null;
};

function numberList(v: string | undefined): number[] | null {
  if (!v?.trim()) return null;
  const parts = v.trim().split(/[\s,]+/);
  const out = parts.map((p) => (NUM.test(p) ? Number.parseFloat(p) : Number.NaN));
  return out.every(sane) ? out : null;
}

/** Path data made of path commands and numbers that are all finite and in range. */
const pathData = (d: string) =>
  PATH_DATA.test(d) &&
  /^\s*[Mm]/.test(d) &&
  (d.match(/[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?/gi) ?? []).every((x) => sane(Number.parseFloat(x)));

type Matrix = [number, number, number, number, number, number];
const multiply = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[2] * n[1],
  m[1] * n[0] + m[3] * n[1],
  m[0] * n[2] + m[2] * n[3],
  m[1] * n[2] + m[3] * n[3],
  m[0] * n[4] + m[2] * n[5] + m[4],
  m[1] * n[4] + m[3] * n[5] + m[5],
];

/** An SVG transform list as one `matrix(…)`, or null when any part of it is malformed. */
export function transformToMatrix(value: string): string | null {
  const re = /\s*(matrix|translate|scale|rotate|skewX|skewY)\s*\(([^)]*)\)\s*,?/gy;
  let m: Matrix = [1, 0, 0, 1, 0, 0];
  let match: RegExpExecArray | null;
  let consumed = 0;
  // biome-ignore lint/suspicious/noAssignInExpressions: the usual regex loop
  while ((match = re.exec(value))) {
    consumed = re.lastIndex;
    const args = numberList(match[2]);
    if (!args) return null;
    const [a = 0, b, c, d, e, f] = args;
    const rad = (deg: number) => (deg * Math.PI) / 180;
    let t: Matrix;
    switch (match[1]) {
      case "matrix":
        if (args.length !== 6) return null;
        t = [a, b!, c!, d!, e!, f!];
        break;
      case "translate":
        t = [1, 0, 0, 1, a, b ?? 0];
        break;
      case "scale":
        t = [a, 0, 0, b ?? a, 0, 0];
        break;
      case "rotate": {
        const [cos, sin] = [Math.cos(rad(a)), Math.sin(rad(a))];
        const [cx, cy] = [b ?? 0, c ?? 0];
        t = [cos, sin, -sin, cos, cx - cos * cx + sin * cy, cy - sin * cx - cos * cy];
        break;
      }
      case "skewX":
        t = [1, 0, Math.tan(rad(a)), 1, 0, 0];
        break;
      default:
        t = [1, Math.tan(rad(a)), 0, 1, 0, 0];
    }
    m = multiply(m, t);
  }
  if (value.slice(consumed).trim() !== "" || !m.every(sane)) return null;
  return `matrix(${m.map((x) => Number(x.toFixed(6))).join(", ")})`;
}

function paint(v: string | undefined, color: string | undefined): string | undefined {
  const value = v?.trim();
  if (!value) return undefined;
  if (value === "none" || value === "transparent") return "none";
  if (value === "currentColor") return color ?? "#000000";
  // Gradients and patterns are not drawn; a neutral fill keeps the shape visible.
  if (value.startsWith("url(")) return color ?? "#64748b";
  return COLOR.test(value) ? value : undefined;
}

function styleAttrs(style: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const decl of style?.split(";") ?? []) {
    const i = decl.indexOf(":");
    if (i > 0) out[decl.slice(0, i).trim().toLowerCase()] = decl.slice(i + 1).trim();
  }
  return out;
}

const LINECAP = new Set(["butt", "round", "square"]);
const LINEJOIN = new Set(["miter", "round", "bevel"]);

/** The drawable attributes of one element, or null when its geometry is missing or broken (the element is skipped). */
function attributesOf(tag: Tag, raw: Record<string, string>): Record<string, string | number> | null {
  const a = { ...raw, ...styleAttrs(raw.style) };
  const out: Record<string, string | number> = {};
  const color = paint(a.color, undefined);
  const fill = paint(a.fill, color);
  const stroke = paint(a.stroke, color);
  if (fill) out.fill = fill;
  if (stroke) out.stroke = stroke;
  for (const [attr, prop] of [
    ["stroke-width", "strokeWidth"],
    ["opacity", "opacity"],
    ["fill-opacity", "fillOpacity"],
    ["stroke-opacity", "strokeOpacity"],
  ] as const) {
    const n = num(a[attr]);
    if (n !== null && n >= 0) out[prop] = prop === "strokeWidth" ? n : Math.min(1, n);
  }
  if (a["fill-rule"] === "evenodd" || a["fill-rule"] === "nonzero") out.fillRule = a["fill-rule"];
  if (a["stroke-linecap"] && LINECAP.has(a["stroke-linecap"])) out.strokeLinecap = a["stroke-linecap"];
  if (a["stroke-linejoin"] && LINEJOIN.has(a["stroke-linejoin"])) out.strokeLinejoin = a["stroke-linejoin"];
  if (a.transform) {
    const t = transformToMatrix(a.transform);
    if (!t) return null;
    out.transform = t;
  }
  const need = (names: string[], positive: string[] = []) => {
    for (const n of names) {
      const v = a[n] === undefined ? 0 : num(a[n]);
      if (v === null || (positive.includes(n) && v <= 0)) return false;
      out[n] = v;
    }
    return true;
  };
  switch (tag) {
    case "g":
      return out;
    case "path":
      if (!a.d || !pathData(a.d)) return null;
      out.d = a.d;
      return out;
    case "rect":
      if (!need(["x", "y", "width", "height"], ["width", "height"])) return null;
      if (a.rx !== undefined && !need(["rx"])) return null;
      if (a.ry !== undefined && !need(["ry"])) return null;
      return out;
    case "circle":
      return need(["cx", "cy", "r"], ["r"]) ? out : null;
    case "ellipse":
      return need(["cx", "cy", "rx", "ry"], ["rx", "ry"]) ? out : null;
    case "line":
      return need(["x1", "y1", "x2", "y2"]) ? out : null;
    default: {
      const points = numberList(a.points);
      if (!points || points.length < 4 || points.length % 2) return null;
      out.points = points.join(" ");
      return out;
    }
  }
}

function viewBoxOf(attrs: Record<string, string>): ParsedLogo["viewBox"] | null {
  const vb = numberList(attrs.viewBox ?? attrs.viewbox);
  if (vb?.length === 4 && vb[2]! > 0 && vb[3]! > 0) return { x: vb[0]!, y: vb[1]!, width: vb[2]!, height: vb[3]! };
  const width = num(attrs.width);
  const height = num(attrs.height);
  return width && height && width > 0 && height > 0 ? { x: 0, y: 0, width, height } : null;
}

/** Parses a logo; never throws. Null when there is nothing we can draw. */
export function parseLogoSvg(svg: unknown): ParsedLogo | null {
  if (typeof svg !== "string" || !svg.trim() || svg.length > MAX_BYTES) return null;
  let root: ParsedLogo | null = null;
  let depth = 0; // element depth inside the root <svg>; 0 = outside
  let skipping = 0; // depth at which an unsupported subtree started
  let nodes = 0;
  let broken = false;
  const stack: LogoNode[][] = [];
  try {
    const parser = new Parser(
      {
        onopentag(rawName, attribs) {
          const name = rawName.replace(/^svg:/i, "").toLowerCase();
          if (broken) return;
          if (!root) {
            if (name !== "svg") return;
            const viewBox = viewBoxOf(attribs);
            const inherited = attributesOf("g", attribs);
            if (!viewBox || !inherited) {
              broken = true;
              return;
            }
            root = { viewBox, children: [] };
            // Paint set on the root (fill="#123") is inherited by every shape: keep it as a group.
            const top: LogoNode = { tag: "g", attrs: inherited, children: [] };
            if (Object.keys(inherited).length) root.children.push(top);
            stack.push(Object.keys(inherited).length ? top.children : root.children);
            depth = 1;
            return;
          }
          if (depth === 0) return; // after the root closed
          depth++;
          if (skipping) return;
          const attrs = SHAPES.has(name) ? attributesOf(name as Tag, attribs) : null;
          if (!attrs || ++nodes > MAX_NODES) {
            if (nodes > MAX_NODES) broken = true;
            skipping = depth;
            return;
          }
          const node: LogoNode = { tag: name as Tag, attrs, children: [] };
          stack.at(-1)!.push(node);
          stack.push(node.children);
        },
        onclosetag() {
          if (broken || depth === 0) return;
          if (skipping) {
            if (depth === skipping) skipping = 0;
          } else {
            stack.pop();
          }
          depth--;
        },
        onerror() {
          broken = true;
        },
      },
      { xmlMode: true },
    );
    parser.write(svg);
    parser.end();
  } catch {
    return null;
  }
  const parsed = root as ParsedLogo | null;
  if (broken || !parsed || !hasShape(parsed.children)) return null;
  return parsed;
}

const hasShape = (nodes: LogoNode[]): boolean => nodes.some((n) => n.tag !== "g" || hasShape(n.children));

const COMPONENTS = { g: G, path: Path, rect: Rect, circle: Circle, ellipse: Ellipse, line: Line, polyline: Polyline };

function renderNode(node: LogoNode, key: number): ReactElement {
  const children = node.children.map(renderNode);
  // biome-ignore lint/suspicious/noExplicitAny: attributes were checked per tag in attributesOf
  const Component = (node.tag === "polygon" ? Polygon : COMPONENTS[node.tag]) as any;
  return (
    <Component key={key} {...node.attrs}>
      {children.length ? children : undefined}
    </Component>
  );
}

/** Draws a parsed logo into a box of the given size, keeping its aspect ratio. */
export function LogoSvg({ logo, width, height }: { logo: ParsedLogo; width: number; height: number }) {
  const { x, y, width: w, height: h } = logo.viewBox;
  const scale = Math.min(width / w, height / h);
  return (
    <Svg width={w * scale} height={h * scale} viewBox={`${x} ${y} ${w} ${h}`}>
      {logo.children.map(renderNode)}
    </Svg>
  );
}
