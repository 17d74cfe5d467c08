import mapping from "./data/data-components.json";

/**
 * The shipped mapping (coverage-rules.md, ATT&CK visibility): for each of the 106 data components of ATT&CK
 * Enterprise v18.1, the sensor classes that can observe it and why. Components no class observes map to none.
 */
export const VISIBILITY_CLASSES = ["edr", "ndr", "siem", "cloud", "identity", "email"] as const;
export type VisibilityClass = (typeof VISIBILITY_CLASSES)[number];
export type DataComponent = { id: string; name: string; classes: VisibilityClass[]; reason: string };

export const dataComponents: readonly DataComponent[] = mapping.components as DataComponent[];
const byName = new Map(dataComponents.map((c) => [c.name, c]));

export const dataComponent = (name: string) => byName.get(name);

export const isVisibilityClass = (v: string): v is VisibilityClass =>
  (VISIBILITY_CLASSES as readonly string[]).includes(v);
