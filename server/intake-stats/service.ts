import type { DbOrTx } from "@/db";
import * as q from "./queries";

/** How far back each run of the intake rollup recomputes: alerts closed (or touched) later than this keep their count. */
export const INTAKE_ROLLUP_REPAIR_MS = 72 * 3_600_000;
/** Quarters this close to now are left to the live read: a batch received just before a quarter's end may not have committed. */
const INTAKE_ROLLUP_LAG_MS = 2 * 60_000;

/**
 * The intake rollup job (every quarter hour): recomputes the alerts per quarter hour from the watermark (or 72 hours
 * back, whichever is earlier) to the last whole quarter at least two minutes old; the first run covers all history.
 */
export async function rollUpIntake(db: DbOrTx, now: Date) {
  const through = new Date(Math.floor((now.getTime() - INTAKE_ROLLUP_LAG_MS) / q.QUARTER_MS) * q.QUARTER_MS);
  const previous = await q.intakeRollupThrough(db);
  const from = previous ? new Date(Math.min(previous.getTime(), through.getTime()) - INTAKE_ROLLUP_REPAIR_MS) : null;
  const quarters = await q.rebuildIntakeQuarters(db, from, through);
  return { from: from?.toISOString() ?? "all", through: through.toISOString(), quarters };
}

/**
 * Alerts received per UTC quarter hour in [from, to), provider-wide: the one count behind the manager's intake trend
 * and the roster's forecast. Staff reads and jobs only (callers check the role).
 */
export function intakeByQuarter(db: DbOrTx, from: Date, to: Date) {
  return q.intakeQuarters(db, from, to);
}
