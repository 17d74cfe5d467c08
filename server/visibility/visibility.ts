import { type Tactic, type Technique, tactics, techniques } from "@/server/attack/attack";
import { dataComponent, dataComponents, VISIBILITY_CLASSES, type VisibilityClass } from "./mapping";

/**
 * ATT&CK visibility (coverage-rules.md): visible data components from the classes a customer has working, a ratio and
 * a band per technique, the mean per tactic, and what each missing class would add. Pure.
 */
export type Band = "none" | "low" | "partial" | "high";
export const BANDS: readonly Band[] = ["none", "low", "partial", "high"];

/** On the unrounded ratio: none = 0; low < 0.34; partial < 0.67; high otherwise (1/3 is low, 2/3 partial). */
export function bandOf(r: number): Band {
  if (r <= 0) return "none";
  if (r < 0.34) return "low";
  if (r < 0.67) return "partial";
  return "high";
}

/** Data components mapped to at least one of `classes`. */
export function visibleComponents(classes: Iterable<VisibilityClass>): Set<string> {
  const have = new Set(classes);
  return new Set(dataComponents.filter((c) => c.classes.some((k) => have.has(k))).map((c) => c.name));
}

export type TechniqueVisibility = { ratio: number; band: Band; seen: string[]; missing: string[] };

/** visible ÷ the technique's data components; null ("not observable") when it has none. */
export function techniqueVisibility(
  t: Pick<Technique, "dataComponents">,
  visible: ReadonlySet<string>,
): TechniqueVisibility | null {
  const all = [...new Set(t.dataComponents)];
  if (all.length === 0) return null;
  const seen = all.filter((c) => visible.has(c));
  const missing = all.filter((c) => !visible.has(c));
  const ratio = seen.length / all.length;
  return { ratio, band: bandOf(ratio), seen, missing };
}

/** Every observable technique (sub-techniques included) with its visibility under `classes`. */
export function assessAll(
  classes: Iterable<VisibilityClass>,
  list: readonly Technique[] = techniques,
): ReadonlyMap<string, TechniqueVisibility> {
  const set = [...new Set(classes)].sort();
  // The shipped dataset has at most 2^6 class sets: each is assessed once per process.
  const cacheable = list === techniques;
  const key = set.join(",");
  const hit = cacheable ? assessed.get(key) : undefined;
  if (hit) return hit;
  const visible = visibleComponents(set);
  const out = new Map<string, TechniqueVisibility>();
  for (const t of list) {
    const v = techniqueVisibility(t, visible);
    if (v) out.set(t.id, v);
  }
  if (cacheable) assessed.set(key, out);
  return out;
}
const assessed = new Map<string, Map<string, TechniqueVisibility>>();

export type TacticVisibility = { tactic: Tactic; ratio: number | null; techniques: number };

/** Mean of the unrounded ratios of the tactic's observable techniques (sub-techniques included); null if none. */
export function tacticVisibility(
  assessed: ReadonlyMap<string, TechniqueVisibility>,
  list: readonly Technique[] = techniques,
): TacticVisibility[] {
  return tactics.map((tactic) => {
    let sum = 0;
    let n = 0;
    for (const t of list) {
      if (!t.tactics.includes(tactic.shortname)) continue;
      const v = assessed.get(t.id);
      if (!v) continue;
      sum += v.ratio;
      n++;
    }
    return { tactic, ratio: n === 0 ? null : sum / n, techniques: n };
  });
}

const RANK: Record<Band, number> = { none: 0, low: 1, partial: 2, high: 3 };

export type Raise = { sensorClass: VisibilityClass; techniques: number };

/** For each class the customer lacks: how many techniques' bands would rise if it were added; most first. */
export function whatWouldRaise(classes: Iterable<VisibilityClass>, list: readonly Technique[] = techniques): Raise[] {
  const have = new Set(classes);
  const now = assessAll(have, list);
  return VISIBILITY_CLASSES.filter((c) => !have.has(c))
    .map((c) => {
      const after = assessAll([...have, c], list);
      let n = 0;
      for (const [id, v] of after) if (RANK[v.band] > RANK[now.get(id)!.band]) n++;
      return { sensorClass: c, techniques: n };
    })
    .sort((a, b) => b.techniques - a.techniques || a.sensorClass.localeCompare(b.sensorClass));
}

/** The classes that observe a data component (for tooltips). */
export const classesFor = (component: string): VisibilityClass[] => dataComponent(component)?.classes ?? [];
