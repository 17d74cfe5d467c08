import type { DbOrTx } from "@/db";
import { coverageHealthForMonth } from "@/server/coverage/views";
import { SENSOR_CLASS_LABELS } from "@/server/sensors/schema";
import type { TenantId } from "@/server/tenancy/tenant";
import { monthCoverage } from "@/server/visibility/report";
import { bandOf } from "@/server/visibility/visibility";

/** How many silent periods the report lists (longest first); the count says how many there were. */
const SILENT_LISTED = 8;

/**
 * The report's coverage section for a customer-month, from the coverage domain's month function (classes and
 * states at the month's end, each sensor's availability and silent periods over the month) and the visibility
 * domain's (EDR coverage with entitlement, visibility per tactic at the month's last instant). Plain data.
 */
export async function assembleCoverage(db: DbOrTx, tenant: TenantId, month: string, to: Date) {
  const [health, seen] = await Promise.all([coverageHealthForMonth(db, tenant, month), monthCoverage(db, tenant, to)]);
  return coverageSection(health, seen);
}

type Health = Awaited<ReturnType<typeof coverageHealthForMonth>>;
type Seen = Awaited<ReturnType<typeof monthCoverage>>;

/** Shapes the two domains' month data into the section. Pure. */
export function coverageSection(health: Health, seen: Seen) {
  const live = health.sensors.filter((s) => s.stateAtMonthEnd !== "retired");
  const withAvailability = live.filter((s) => s.availability !== null);
  const periods = live
    .flatMap((s) =>
      s.silentPeriods.map((p) => ({
        sensor: s.name,
        start: p.start,
        end: p.end,
        durationMs: p.end.getTime() - p.start.getTime(),
        /** Still silent when the month ended. */
        open: p.end.getTime() === health.to.getTime(),
      })),
    )
    .sort((a, b) => b.durationMs - a.durationMs || a.start.getTime() - b.start.getTime());
  return {
    /** Contracted classes that were ok at the month's end ÷ contracted classes; null when nothing is contracted. */
    figure: health.coverage,
    classes: health.classes
      .filter((c) => c.state !== "none")
      .map((c) => ({ cls: c.cls, label: SENSOR_CLASS_LABELS[c.cls], contracted: c.contracted, state: c.state })),
    sensors: live.map((s) => ({
      name: s.name,
      classes: s.classes.map((c) => SENSOR_CLASS_LABELS[c]).join(", "),
      state: s.stateAtMonthEnd,
      availability: s.availability,
      silentPeriods: s.silentPeriods.length,
    })),
    /** Mean availability of the sensors that have one for the month (the posture score's sensor-health driver). */
    meanAvailability: withAvailability.length
      ? withAvailability.reduce((a, s) => a + s.availability!, 0) / withAvailability.length
      : null,
    silent: { count: periods.length, longest: periods.slice(0, SILENT_LISTED) },
    edr: {
      known: seen.edr.known,
      covered: seen.edr.covered,
      ratio: seen.edr.ratio,
      uncovered: seen.edr.uncovered,
      endpoints: seen.edr.entitlement.endpoints,
      sensors: seen.edr.entitlement.sensors,
    },
    visibleClasses: seen.classes.map((c) => SENSOR_CLASS_LABELS[c]),
    tactics: seen.tactics.map((t) => ({
      id: t.id,
      name: t.name,
      ratio: t.ratio,
      band: t.ratio === null ? null : bandOf(t.ratio),
    })),
  };
}

export type CoverageSection = ReturnType<typeof coverageSection>;
