import { Temporal } from "temporal-polyfill";
import type { Db } from "@/db";
import type { Metric } from "@/db/schema/contracts";
import type { ReportFigures } from "@/db/schema/reports";
import { formatMonth } from "@/lib/format";
import { alertFunnel } from "@/server/alerts/queries";
import { tactics as TACTICS, tactic, technique } from "@/server/attack/attack";
import { versionInForce } from "@/server/contracts/queries";
import { TIER_LABELS } from "@/server/contracts/templates";
import { findCustomer } from "@/server/customers/queries";
import { NotFound } from "@/server/errors";
import { ACTION_LABELS, incidentReference, SEVERITY_LABELS } from "@/server/incidents/severity";
import { providerProfile } from "@/server/provider/queries";
import { monthRange } from "@/server/sla/report";
import { monthSlaData } from "@/server/sla/views";
import type { TenantId } from "@/server/tenancy/tenant";
import { assembleCoverage } from "./coverage";
import { assemblePosture } from "./posture";
import { actionsOf, containBreached, incidentsOpenedIn, techniquesOf, waitingOnCustomer } from "./queries";
import { executiveSummary } from "./summary";

/** How many notable (high and critical) incidents the report tells in detail. */
const NOTABLE = 8;

/**
 * One model of a customer's month, built from the same functions the console and portal use (the funnel and the
 * customer's SLA month), so the PDF, the portal and the console agree. Sections are plain data for the templates.
 */
export async function assembleMonthlyReport(db: Db, tenant: TenantId, month: string) {
  const customer = await findCustomer(db, tenant);
  if (!customer) throw new NotFound("No such customer.");
  const tz = customer.timezone;
  const { from, to } = monthRange(month, tz);
  const monthLabel = formatMonth(month);
  const [settings, funnel, sla, opened, version, waiting] = await Promise.all([
    providerProfile(db),
    alertFunnel(db, tenant, from, to, true),
    monthSlaData(db, tenant, tz, month, true),
    incidentsOpenedIn(db, tenant, from, to),
    versionInForce(db, tenant, to),
    waitingOnCustomer(db, tenant, to),
  ]);
  const posture = await assemblePosture(db, tenant, month, tz, { from, to });
  const coverage = await assembleCoverage(db, tenant, month, to);

  // MTTA and MTTR against the previous six months (the customer's view, same function as the portal).
  const trend = [];
  for (let i = 6; i >= 0; i--) {
    const m = Temporal.PlainYearMonth.from(month).subtract({ months: i }).toString();
    const data = i === 0 ? sla : await monthSlaData(db, tenant, tz, m, true);
    const mean = (metric: Metric) => data.timeTo.find((t) => t.metric === metric)?.meanMs ?? null;
    trend.push({
      month: m,
      mttaMs: mean("acknowledge"),
      mttrMs: mean("resolve"),
      attainment: data.attainment.overall.attainment,
    });
  }

  const notableIds = opened.filter((i) => i.severity >= 4).map((i) => i.id);
  const [techniqueRows, actionRows, containBreaches] = await Promise.all([
    techniquesOf(
      db,
      tenant,
      opened.map((i) => i.id),
    ),
    actionsOf(db, tenant, notableIds.slice(0, NOTABLE), to),
    containBreached(
      db,
      tenant,
      opened.map((i) => i.id),
    ),
  ]);
  const byTactic = TACTICS.map((t) => ({
    tactic: t,
    incidents: new Set(
      techniqueRows.filter((r) => technique(r.techniqueId)?.tactics.includes(t.shortname)).map((r) => r.incidentId),
    ).size,
  })).filter((x) => x.incidents > 0);

  const incidents = opened.map((i) => ({
    ...i,
    reference: incidentReference(customer.slug, i.number),
    severityLabel: SEVERITY_LABELS[i.severity] ?? "Unknown",
    containedInSla: i.containedAt ? !containBreaches.has(i.id) : null,
    actions: actionRows
      .filter((a) => a.incidentId === i.id)
      .map((a) => ({ label: ACTION_LABELS[a.kind], target: a.target, status: a.status, executedAt: a.executedAt })),
  }));
  const ref = (n: number) => incidentReference(customer.slug, n);
  const waitingItems = [
    ...waiting.questions.map((q) => ({ reference: ref(q.number), what: `Question: ${q.title}`, since: q.since })),
    ...waiting.approvals.map((a) => ({
      reference: ref(a.number),
      what: `Approve: ${ACTION_LABELS[a.kind]} — ${a.target}`,
      since: a.since,
    })),
  ];
  const bySeverity = [5, 4, 3, 2, 1].map((s) => ({
    severity: s,
    label: SEVERITY_LABELS[s]!,
    count: incidents.filter((i) => i.severity === s).length,
  }));

  return {
    provider: settings,
    customer: { name: customer.name, slug: customer.slug, timezone: tz, industry: customer.industry },
    month,
    monthLabel,
    period: { from, to },
    service: version
      ? {
          tier: version.tier,
          tierLabel: TIER_LABELS[version.tier],
          coverage: version.coverage.kind === "24x7" ? "24/7" : `Business hours (${version.coverage.timeZone})`,
        }
      : null,
    executiveSummary: executiveSummary({
      customerName: customer.name,
      monthLabel,
      alertsReceived: funnel.received,
      alertsEscalated: funnel.escalated,
      incidents: incidents.map((i) => ({
        severity: i.severity,
        contained: Boolean(i.containedAt),
        containedInSla: i.containedInSla,
      })),
      attainment: sla.attainment.overall.attainment,
      // The targets decided for this month's clocks, the same count the attainment figure is made of.
      breaches: sla.attainment.overall.breached,
      waitingOnCustomer: waitingItems.length,
      posture: {
        score: posture.posture.score,
        band: posture.posture.band,
        previousScore: posture.posture.previousScore,
        movers: posture.posture.movers,
      },
    }),
    funnel,
    incidents: {
      total: incidents.length,
      bySeverity,
      byTactic: byTactic.map((x) => ({ id: x.tactic.id, name: tactic(x.tactic.id)!.name, incidents: x.incidents })),
      notable: incidents.filter((i) => i.severity >= 4).slice(0, NOTABLE),
      /** Every incident opened with the customer this month, most severe first. */
      all: incidents,
    },
    sla,
    trend,
    /** Items waiting on the customer's team at the month end (whenever the report is generated). */
    waiting: waitingItems,
    ...posture,
    /** Classes and states at month end, sensor availability, silent periods, EDR coverage, visibility per tactic. */
    coverage,
  };
}

export type MonthlyReportModel = Awaited<ReturnType<typeof assembleMonthlyReport>>;

/** The headline numbers of a model (stored with each version, compared with the live ones in the console). Pure. */
export function keyFigures(model: MonthlyReportModel): ReportFigures {
  const mean = (metric: Metric) => model.sla.timeTo.find((t) => t.metric === metric)?.meanMs ?? null;
  return {
    alertsReceived: model.funnel.received,
    alertsEscalated: model.funnel.escalated,
    incidents: model.incidents.total,
    highOrCritical: model.incidents.bySeverity.filter((s) => s.severity >= 4).reduce((a, s) => a + s.count, 0),
    slaMet: model.sla.attainment.overall.met,
    slaBreached: model.sla.attainment.overall.breached,
    mttaMs: mean("acknowledge"),
    mttrMs: mean("resolve"),
    postureScore: model.posture.score,
    huntsConcluded: model.hunts.count,
    recommendationsOpen: model.recommendations.open,
    coverageFigure: model.coverage.figure,
    edrCoverage: model.coverage.edr.ratio,
    sensorAvailability: model.coverage.meanAvailability,
  };
}
