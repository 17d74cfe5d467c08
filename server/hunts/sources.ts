import { dataComponent, dataComponents, type VisibilityClass } from "@/server/visibility/mapping";

export type SourceCheck = {
  name: string;
  /** The classes that can observe the component (coverage-rules.md mapping); empty: no sensor class can. */
  observableBy: VisibilityClass[];
  /** The customer's classes that see it now. */
  seenBy: VisibilityClass[];
};

/**
 * The data sources a hunt needs (ATT&CK data components) against one customer's visibility: a component is visible
 * when one of the classes that observe it has a healthy or degraded sensor at the customer (the visibility domain's
 * `classesVisible`). Pure.
 */
export function checkDataSources(components: readonly string[], visible: readonly VisibilityClass[]) {
  const have = new Set(visible);
  const checks: SourceCheck[] = components.map((name) => {
    const observableBy = dataComponent(name)?.classes ?? [];
    return { name, observableBy, seenBy: observableBy.filter((c) => have.has(c)) };
  });
  return { visible: checks.filter((c) => c.seenBy.length > 0).length, of: checks.length, checks };
}

const byLowerName = new Map(dataComponents.map((c) => [c.name.toLowerCase(), c.name]));

/** The mapping's own spelling of a data component name (case and spacing forgiven), or null when there is none. */
export function canonicalComponent(name: string): string | null {
  return byLowerName.get(name.trim().replace(/\s+/g, " ").toLowerCase()) ?? null;
}
