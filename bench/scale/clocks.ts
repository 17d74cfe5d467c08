/**
 * An incident's SLA clocks as the services store them: `computeClocks` over its facts and the contract version's
 * terms, each snapshot (`clockSnapshot`) written with the one-time at-risk and breach banner rows it made (dismissed
 * once the clock stopped); the sweep's notifications counted as sent when the transition happened.
 */
import type { Rng } from "@/db/seed/generate";
import { clockSnapshot, computeClocks, type IncidentFacts, type Terms } from "@/server/sla/compute";
import { json, NULL, ts, txt } from "./copy";
import type { Out } from "./incidents";
import { uuid } from "./random";

export async function writeClocks(
  out: Out,
  r: Rng,
  x: {
    facts: IncidentFacts;
    terms: Terms;
    customerId: string;
    incidentId: string;
    versionId: string;
    assigneeId: string;
    now: number;
  },
) {
  const nowDate = new Date(x.now);
  for (const c of computeClocks(x.facts, x.terms, nowDate)) {
    const { values: v } = clockSnapshot(c, undefined, {
      customerId: x.customerId,
      incidentId: x.incidentId,
      versionId: x.versionId,
      assigneeId: x.assigneeId,
      now: nowDate,
    });
    const clockId = uuid(r);
    await out.clocks.row([
      clockId,
      x.customerId,
      x.incidentId,
      x.versionId,
      v.metric,
      v.severity,
      String(v.targetMinutes),
      ts(v.startAt),
      json(v.pauses),
      ts(v.stopAt),
      txt(v.stoppedBy),
      ts(v.dueAt),
      ts(v.atRiskDueAt),
      v.state,
      String(v.elapsedMs),
      ts(v.atRiskAt),
      ts(v.breachedAt),
      ts(v.atRiskAt),
      ts(v.breachedAt),
      txt(v.breachedAssigneeId),
      ts(v.computedAt),
    ]);
    const stopped = v.stopAt !== null;
    for (const [kind, when] of [
      ["at_risk", v.atRiskAt],
      ["breached", v.breachedAt],
    ] as const)
      if (when)
        await out.slaAlerts.row([
          uuid(r),
          x.customerId,
          x.incidentId,
          clockId,
          kind,
          v.metric,
          ts(v.dueAt),
          ts(when),
          stopped ? ts(v.stopAt) : NULL,
        ]);
  }
}
