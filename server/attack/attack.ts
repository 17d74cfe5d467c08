import dataset from "./data/enterprise-attack-18.1.json";

/**
 * Lookups over the shipped ATT&CK Enterprise dataset (see data/NOTICE.md). Pure and synchronous: the JSON is bundled.
 */
export type Tactic = { id: string; shortname: string; name: string };
export type Technique = {
  id: string;
  name: string;
  tactics: string[];
  dataComponents: string[];
  platforms: string[];
  isSubtechnique: boolean;
};

export const ATTACK_VERSION: string = dataset.version;
export const tactics: readonly Tactic[] = dataset.tactics;
export const techniques: readonly Technique[] = dataset.techniques;

const byId = new Map(techniques.map((t) => [t.id, t]));
const tacticByShortname = new Map(tactics.map((t) => [t.shortname, t]));
const tacticById = new Map(tactics.map((t) => [t.id, t]));

const ID_SHAPE = /^T\d{4}(\.\d{3})?$/;

export function technique(id: string): Technique | undefined {
  return byId.get(id.toUpperCase());
}

export function isKnownTechnique(id: string): boolean {
  return ID_SHAPE.test(id) && byId.has(id);
}

/** Upper-cased, shape-checked, known to the dataset, de-duplicated, in order (the intake contract's rule). */
export function knownTechniques(ids: readonly string[]): string[] {
  const out: string[] = [];
  for (const raw of ids) {
    const id = raw.trim().toUpperCase();
    if (isKnownTechnique(id) && !out.includes(id)) out.push(id);
  }
  return out;
}

/** The parent of a sub-technique (T1059.001 → T1059), or the technique itself. */
export function parentOf(id: string): Technique | undefined {
  return byId.get(id.split(".")[0]!);
}

export function tacticsOf(id: string): Tactic[] {
  const t = technique(id);
  return (t?.tactics ?? []).map((s) => tacticByShortname.get(s)).filter((x): x is Tactic => Boolean(x));
}

export function tactic(idOrShortname: string): Tactic | undefined {
  return tacticById.get(idOrShortname) ?? tacticByShortname.get(idOrShortname);
}

export function subtechniquesOf(id: string): Technique[] {
  return techniques.filter((t) => t.isSubtechnique && t.id.startsWith(`${id}.`));
}

/** Techniques grouped by tactic in matrix order, for incident and coverage views. */
export function groupByTactic(ids: readonly string[]): { tactic: Tactic; techniques: Technique[] }[] {
  return tactics
    .map((tac) => ({
      tactic: tac,
      techniques: ids
        .map((id) => technique(id))
        .filter((t): t is Technique => Boolean(t) && t!.tactics.includes(tac.shortname)),
    }))
    .filter((g) => g.techniques.length > 0);
}
