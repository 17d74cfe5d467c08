/**
 * The console's sensor banner rule: of the undismissed transitions of the last 24 hours, a silence followed by its
 * recovery shows only the recovery. `countBanner` (queries/transitions.ts) counts by the same rule in SQL, over every
 * transition, where the banner's list holds only the newest (`BANNER_ITEMS`).
 */
export const BANNER_ITEMS = 50;

type Transition = { kind: string; sensorId: string; silentSince: Date | string | null };

const key = (t: Transition) =>
  `${t.sensorId}|${t.silentSince instanceof Date ? t.silentSince.toISOString() : t.silentSince}`;

export function visibleTransitions<T extends Transition>(all: T[]): T[] {
  const recovered = new Set(all.filter((t) => t.kind === "recovered").map(key));
  return all.filter((t) => !(t.kind === "silent" && recovered.has(key(t))));
}

export function bannerCounts(visible: Transition[]): { silent: number; recovered: number } {
  const silent = visible.filter((t) => t.kind === "silent").length;
  return { silent, recovered: visible.length - silent };
}
