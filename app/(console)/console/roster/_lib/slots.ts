/** Client helpers for the roster forms: shift ids from names, and team cycles fitted to a changed roster. */
export type SlotDraft = { id: string; name: string; start: string; end: string };

/** A shift id from its name (lower-case letters, digits, dashes; ≤ 24), unique among `taken`. */
export function slotIdFor(name: string, taken: Set<string>): string {
  const base =
    name
      .toLowerCase()
      .normalize("NFKD")
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 20) || "shift";
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  return id;
}

/** A team's cycle cut or extended (with days off) to `length`, with shifts the roster no longer has turned off. */
export function fitCycle(cycle: (string | null)[], length: number, slotIds: Set<string>): (string | null)[] {
  return Array.from({ length }, (_, i) => {
    const d = cycle[i] ?? null;
    return d && slotIds.has(d) ? d : null;
  });
}

/** The calendar date of cycle day `i` counted from the anchor (YYYY-MM-DD), for labels. */
export function cycleDate(anchor: string, i: number): string {
  const d = new Date(`${anchor}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + i);
  return d.toISOString().slice(0, 10);
}

export const shortDate = (date: string) =>
  new Intl.DateTimeFormat("en-GB", { weekday: "short", day: "numeric", month: "short", timeZone: "UTC" }).format(
    new Date(`${date}T00:00:00Z`),
  );

/** Today's date in a zone (YYYY-MM-DD). */
export function todayIn(timeZone: string): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(
    Date.now(),
  );
}

export function timeZones(): string[] {
  const intl = Intl as unknown as { supportedValuesOf?: (k: string) => string[] };
  return intl.supportedValuesOf?.("timeZone") ?? ["UTC", "Europe/Berlin", "America/Chicago", "Asia/Singapore"];
}
