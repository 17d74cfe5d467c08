import type { Tier } from "@/db/schema/contracts";
import type { SensorClass } from "@/db/schema/sensors";
import { TEMPLATES } from "@/server/contracts/templates";
import type { SensorState } from "./health";

/**
 * The coverage matrix of coverage-rules.md: one row per customer, one column per class other than `xdr`. Pure.
 */
export const MATRIX_CLASSES = ["edr", "ndr", "siem", "cloud", "identity", "email"] as const;
export type MatrixClass = (typeof MATRIX_CLASSES)[number];
export const CELL_STATES = ["ok", "degraded", "silent", "missing", "extra", "none"] as const;
export type CellState = (typeof CELL_STATES)[number];

const isMatrixClass = (c: string): c is MatrixClass => (MATRIX_CLASSES as readonly string[]).includes(c);

/** The columns a sensor counts in: its class, or for `xdr` each class it declares. */
export function classesOf(s: { sensorClass: SensorClass; providesClasses: readonly string[] }): MatrixClass[] {
  if (s.sensorClass !== "xdr") return [s.sensorClass];
  return [...new Set(s.providesClasses.filter(isMatrixClass))];
}

/**
 * What the contract in force sells: its `monitoredClasses` replace the tier default (not added to it). A version
 * written before the field existed has an empty list and falls back to its tier. No contract, nothing contracted.
 */
export function contractedClasses(c: { tier: Tier; monitoredClasses: readonly string[] } | null): MatrixClass[] {
  if (!c) return [];
  const listed = c.monitoredClasses.length ? c.monitoredClasses : TEMPLATES[c.tier].monitoredClasses;
  return MATRIX_CLASSES.filter((k) => listed.includes(k));
}

/** Decided in the rules' order: not contracted → extra/none; no sensor → missing; any healthy → ok; any degraded. */
export function cellState(contracted: boolean, states: readonly SensorState[]): CellState {
  const live = states.filter((s) => s !== "retired");
  if (!contracted) return live.length ? "extra" : "none";
  if (!live.length) return "missing";
  if (live.includes("healthy")) return "ok";
  if (live.includes("degraded")) return "degraded";
  return "silent";
}

export type MatrixSensor = { id: string; classes: readonly MatrixClass[]; state: SensorState };
export type Cell = { state: CellState; contracted: boolean };
export type Row<C extends Cell = Cell> = {
  cells: Record<MatrixClass, C>;
  contracted: MatrixClass[];
  /** ok ÷ contracted; null (no data) when nothing is contracted. */
  coverage: number | null;
  counts: Record<CellState, number>;
};

function rowOf<C extends Cell>(contracted: readonly MatrixClass[], cellOf: (cls: MatrixClass, c: boolean) => C) {
  const counts = Object.fromEntries(CELL_STATES.map((s) => [s, 0])) as Record<CellState, number>;
  const cells = {} as Record<MatrixClass, C>;
  for (const cls of MATRIX_CLASSES) {
    cells[cls] = cellOf(cls, contracted.includes(cls));
    counts[cells[cls].state]++;
  }
  const coverage = contracted.length ? counts.ok / contracted.length : null;
  return { cells, contracted: [...contracted], coverage, counts } satisfies Row<C>;
}

/** One customer's row from its sensors, each cell with the sensors behind it. */
export function matrixRow(contracted: readonly MatrixClass[], sensors: readonly MatrixSensor[]) {
  return rowOf(contracted, (cls, isContracted) => {
    const mine = sensors.filter((s) => s.classes.includes(cls));
    return {
      state: cellState(
        isContracted,
        mine.map((s) => s.state),
      ),
      contracted: isContracted,
      sensorIds: mine.filter((s) => s.state !== "retired").map((s) => s.id),
    };
  });
}

/**
 * The same row from the sensor states present in each class (the console matrix, where the database hands over each
 * customer's distinct class × state pairs instead of every sensor). A cell depends only on which states are present.
 */
export function matrixRowFromStates(
  contracted: readonly MatrixClass[],
  present: readonly { cls: string; state: SensorState }[],
): Row {
  return rowOf(contracted, (cls, isContracted) => ({
    state: cellState(
      isContracted,
      present.filter((p) => p.cls === cls).map((p) => p.state),
    ),
    contracted: isContracted,
  }));
}

/**
 * What needs action first: silent or missing contracted classes, then degraded ones, then the lowest coverage, then
 * customers with no contract in force; ties by name.
 */
export function byNeedForAction<T extends { name: string; row: Row }>(a: T, b: T): number {
  const urgent = (r: Row) => r.counts.silent + r.counts.missing;
  return (
    urgent(b.row) - urgent(a.row) ||
    b.row.counts.degraded - a.row.counts.degraded ||
    (a.row.coverage ?? 2) - (b.row.coverage ?? 2) ||
    a.name.localeCompare(b.name)
  );
}

export const needsAction = (r: Row) => r.counts.silent + r.counts.missing + r.counts.degraded > 0;
