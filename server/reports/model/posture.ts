import { Temporal } from "temporal-polyfill";
import type { Db } from "@/db";
import { formatMonth } from "@/lib/format";
import { technique } from "@/server/attack/attack";
import { ownOutcome } from "@/server/hunts/lifecycle";
import { customerOutcomes, listCustomerHunts } from "@/server/hunts/queries";
import { outstandingEntriesAt } from "@/server/posture/outstanding";
import { DRIVER_LABELS, DRIVERS, type Driver, pointsIfDone } from "@/server/posture/score";
import { monthScore } from "@/server/posture/service";
import { REC_SEVERITIES } from "@/server/recommendations/facts";
import { listRecsOf, listStatusHistory } from "@/server/recommendations/queries";
import type { TenantId } from "@/server/tenancy/tenant";

/**
 * The posture, hunts and recommendations sections of a monthly report, from the same functions the portal reads
 * (`monthScore`: the stored score of a closed month; the customer's hunts, customer-visible fields only).
 */
export async function assemblePosture(
  db: Db,
  tenant: TenantId,
  month: string,
  tz: string,
  period: { from: Date; to: Date },
) {
  const months = Array.from({ length: 6 }, (_, i) =>
    Temporal.PlainYearMonth.from(month)
      .subtract({ months: 5 - i })
      .toString(),
  );
  const scores = [];
  for (const m of months)
    scores.push({ month: m, label: formatMonth(m, "short"), ...(await monthScore(db, tenant, m, tz)) });
  const current = scores[scores.length - 1]!;
  const previous = scores[scores.length - 2]!;
  const movers = DRIVERS.map((d) => ({
    driver: d,
    label: DRIVER_LABELS[d],
    change: current.drivers[d] - previous.drivers[d],
  }))
    .filter((m) => Math.abs(m.change) >= 0.5)
    .sort((a, b) => Math.abs(b.change) - Math.abs(a.change))
    .slice(0, 2);

  const [huntRows, recs, history] = await Promise.all([
    listCustomerHunts(db, tenant, period),
    listRecsOf(db, tenant),
    listStatusHistory(db, tenant, period.to),
  ]);
  const own = await customerOutcomes(
    db,
    tenant,
    huntRows.map((h) => h.id),
  );
  const hunts = huntRows.map((h) => ({ ...h, outcome: ownOutcome(h.outcome, own.get(h.id)) }));
  const outstanding = outstandingEntriesAt(
    history.map((h) => ({ ...h, to: h.to ?? null, severity: h.severity ?? null })),
    period.to,
  );
  const severities = outstanding.map((o) => o.severity);
  const byId = new Map(recs.map((r) => [r.id, r]));
  const inPeriod = (t: Date) => t >= period.from && t < period.to;
  const doneIds = new Set(history.filter((h) => h.to === "done" && inPeriod(h.at)).map((h) => h.id));

  return {
    posture: {
      score: current.score,
      band: current.band,
      drivers: DRIVERS.map((d: Driver) => ({ driver: d, label: DRIVER_LABELS[d], value: current.drivers[d] })),
      noData: current.noData,
      previousScore: previous.score,
      movers,
      trend: scores.map((s) => ({ month: s.month, label: s.label, score: s.score })),
    },
    hunts: {
      count: hunts.length,
      effortHours: hunts.reduce((a, h) => a + h.effortHours, 0),
      outcomes: {
        nothing_found: hunts.filter((h) => h.outcome === "nothing_found").length,
        incident: hunts.filter((h) => h.outcome === "incident").length,
        recommendation: hunts.filter((h) => h.outcome === "recommendation").length,
      },
      items: hunts.map((h) => ({
        title: h.title,
        summary: h.customerSummary ?? "",
        techniques: h.techniques.map((t) => `${t} ${technique(t)?.name ?? ""}`.trim()),
        effortHours: h.effortHours,
      })),
    },
    recommendations: {
      new: recs.filter((r) => inPeriod(r.createdAt)).length,
      done: doneIds.size,
      openBySeverity: REC_SEVERITIES.map((sev) => ({
        severity: sev,
        count: severities.filter((x) => x === sev).length,
      })),
      open: outstanding.length,
      top: outstanding
        .map((o) => ({
          ...o,
          title: byId.get(o.id)?.title ?? "",
          category: byId.get(o.id)?.category ?? "visibility",
          points: pointsIfDone(severities, o.severity),
        }))
        .sort(
          (a, b) =>
            b.points - a.points ||
            REC_SEVERITIES.indexOf(a.severity) - REC_SEVERITIES.indexOf(b.severity) ||
            a.title.localeCompare(b.title),
        )
        .slice(0, 5),
    },
  };
}
