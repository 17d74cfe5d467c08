import { Temporal } from "temporal-polyfill";
import type { Db } from "@/db";
import type { Metric } from "@/db/schema/contracts";
import { alertFunnel } from "@/server/alerts/queries";
import { tactics as TACTICS, tactic, technique } from "@/server/attack/attack";
import { versionInForce } from "@/server/contracts/queries";
import { TIER_LABELS } from "@/server/contracts/templates";
import { findCustomer } from "@/server/customers/queries";
import { NotFound } from "@/server/errors";
import { incidentReference, SEVERITY_LABELS } from "@/server/incidents/severity";
import { getBranding } from "@/server/provider/queries";
import { monthRange } from "@/server/sla/report";
import { monthSlaData } from "@/server/sla/views";
import type { TenantId } from "@/server/tenancy/tenant";
import { incidentsOpenedIn, techniquesOf, waitingOnCustomer } from "./queries";
import { executiveSummary } from "./summary";

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/**
 * One model of a customer's month, built from the same functions the console and portal use (the funnel and the
 * customer's SLA month), so the PDF, the portal and the console agree. Sections are plain data for the templates.
 */
export async function assembleMonthlyReport(db: Db, tenant: TenantId, month: string) {
  const customer = await findCustomer(db, tenant);
  if (!customer) throw new NotFound("No such customer.");
  const tz = customer.timezone;
  const { from, to } = monthRange(month, tz);
  const ym = Temporal.PlainYearMonth.from(month);
  const monthLabel = `${MONTHS[ym.month - 1]} ${ym.year}`;
  const [branding, funnel, sla, opened, version, waiting] = await Promise.all([
    getBranding(db),
    alertFunnel(db, tenant, from, to, true),
    monthSlaData(db, tenant, tz, month, true),
    incidentsOpenedIn(db, tenant, from, to),
    versionInForce(db, tenant, to),
    waitingOnCustomer(db, tenant),
  ]);

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

  const techniqueRows = await techniquesOf(
    db,
    tenant,
    opened.map((i) => i.id),
  );
  const byTactic = TACTICS.map((t) => ({
    tactic: t,
    incidents: new Set(
      techniqueRows.filter((r) => technique(r.techniqueId)?.tactics.includes(t.shortname)).map((r) => r.incidentId),
    ).size,
  })).filter((x) => x.incidents > 0);

  const containBreaches = new Set(sla.breaches.filter((b) => b.metric === "contain").map((b) => b.incidentId));
  const incidents = opened.map((i) => ({
    ...i,
    reference: incidentReference(customer.slug, i.number),
    severityLabel: SEVERITY_LABELS[i.severity] ?? "Unknown",
  }));
  const bySeverity = [5, 4, 3, 2, 1].map((s) => ({
    severity: s,
    label: SEVERITY_LABELS[s]!,
    count: incidents.filter((i) => i.severity === s).length,
  }));

  return {
    provider: branding,
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
        containedInSla: i.containedAt ? !containBreaches.has(i.id) : null,
      })),
      attainment: sla.attainment.overall.attainment,
      breaches: sla.breaches.length,
      waitingOnCustomer: waiting.questions + waiting.approvals,
    }),
    funnel,
    incidents: {
      total: incidents.length,
      bySeverity,
      byTactic: byTactic.map((x) => ({ id: x.tactic.id, name: tactic(x.tactic.id)!.name, incidents: x.incidents })),
      notable: incidents.filter((i) => i.severity >= 4).slice(0, 8),
    },
    sla,
    trend,
    waiting,
  };
}

export type MonthlyReportModel = Awaited<ReturnType<typeof assembleMonthlyReport>>;
