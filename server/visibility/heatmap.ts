import { parentOf, type Tactic, type Technique, tactics, techniques } from "@/server/attack/attack";
import type { VisibilityClass } from "./mapping";
import { assessAll, type Band, bandOf, type TechniqueVisibility, tacticVisibility, whatWouldRaise } from "./visibility";

/**
 * The heat map's shape: tactics as columns, techniques (sub-techniques folded into their parent's cell) as cells.
 * Pure; the same model serves the console, the portal and the report.
 */
export type HeatCell = {
  id: string;
  name: string;
  /** null: the technique has no data component ("not observable"), left out of every ratio. */
  band: Band | null;
  ratio: number | null;
  seen: string[];
  missing: string[];
  /** It or one of its sub-techniques was detected in the customer's incidents in the last 90 days. */
  detected: boolean;
  subtechniques: number;
};
export type HeatColumn = { tactic: Tactic; ratio: number | null; cells: HeatCell[] };

const parents = techniques.filter((t) => !t.isSubtechnique);
const subCount = new Map<string, number>();
for (const t of techniques)
  if (t.isSubtechnique) subCount.set(t.id.split(".")[0]!, (subCount.get(t.id.split(".")[0]!) ?? 0) + 1);

/** Parent ids of detected techniques: a detected sub-technique marks its parent's cell. */
export function detectedCells(detected: Iterable<string>): Set<string> {
  const out = new Set<string>();
  for (const id of detected) out.add(parentOf(id)?.id ?? id.split(".")[0]!);
  return out;
}

export function heatMap(classes: readonly VisibilityClass[], detected: Iterable<string> = []) {
  const marked = detectedCells(detected);
  const base = baseMap(classes);
  return {
    classes: [...classes],
    columns: base.columns.map((c) => ({ ...c, cells: c.cells.map((x) => ({ ...x, detected: marked.has(x.id) })) })),
    raise: base.raise,
  };
}
export type HeatMapModel = ReturnType<typeof heatMap>;

/** The map without detections, once per class set (pure and deterministic, so cached). */
const bases = new Map<string, { columns: HeatColumn[]; raise: ReturnType<typeof whatWouldRaise> }>();
function baseMap(classes: readonly VisibilityClass[]) {
  const key = [...new Set(classes)].sort().join(",");
  const hit = bases.get(key);
  if (hit) return hit;
  const assessed = assessAll(classes);
  const byTactic = new Map(tacticVisibility(assessed).map((t) => [t.tactic.shortname, t.ratio]));
  const columns: HeatColumn[] = tactics.map((tactic) => ({
    tactic,
    ratio: byTactic.get(tactic.shortname) ?? null,
    cells: parents.filter((t) => t.tactics.includes(tactic.shortname)).map((t) => cell(t, assessed.get(t.id) ?? null)),
  }));
  const out = { columns, raise: whatWouldRaise(classes) };
  bases.set(key, out);
  return out;
}

function cell(t: Technique, v: TechniqueVisibility | null): HeatCell {
  return {
    id: t.id,
    name: t.name,
    band: v?.band ?? null,
    ratio: v?.ratio ?? null,
    seen: v?.seen ?? [],
    missing: v?.missing ?? [],
    detected: false,
    subtechniques: subCount.get(t.id) ?? 0,
  };
}

export type ProviderCell = { id: string; name: string; seeing: number; of: number; band: Band | null };

/**
 * Provider-wide: for each technique, how many customers see it (ratio above 0). The band is that of the share of
 * customers; null when the technique is not observable or there are no customers.
 */
export function providerHeatMap(customers: readonly (readonly VisibilityClass[])[]) {
  const seeing = new Map<string, number>();
  const observable = new Set<string>();
  const parentIds = new Set(parents.map((t) => t.id));
  for (const [id] of assessAll([])) if (parentIds.has(id)) observable.add(id);
  for (const classes of customers) {
    for (const [id, v] of assessAll(classes)) {
      if (v.ratio > 0 && parentIds.has(id)) seeing.set(id, (seeing.get(id) ?? 0) + 1);
    }
  }
  const of = customers.length;
  return tactics.map((tactic) => ({
    tactic,
    cells: parents
      .filter((t) => t.tactics.includes(tactic.shortname))
      .map((t): ProviderCell => {
        const n = seeing.get(t.id) ?? 0;
        return { id: t.id, name: t.name, seeing: n, of, band: observable.has(t.id) && of > 0 ? bandOf(n / of) : null };
      }),
  }));
}
