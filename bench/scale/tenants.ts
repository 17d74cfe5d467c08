/**
 * Customers, their contacts and contracts (each version's terms from the tier's template, `defaultTerms`, with the
 * customer's zone: MSS customers are measured in business hours), written from the plan.
 */
import type postgres from "postgres";
import { defaultTerms } from "@/server/contracts/service";
import type { Terms } from "@/server/sla/compute";
import { type ContractVersionPlan, type CustomerPlan, DAY, type Plan } from "./plan";
import { stream } from "./random";

/** The terms of one version as `computeClocks` reads them. */
export function termsOf(c: CustomerPlan, v: ContractVersionPlan) {
  const t = defaultTerms(v.tier, c.timezone, v.from.toISOString().slice(0, 10));
  return { ...t, licensedEndpoints: Math.ceil(c.assets * 1.1), licensedSensors: c.sensors + 2 };
}

export const clockTerms = (t: ReturnType<typeof termsOf>): Terms => ({
  slaTargets: t.slaTargets,
  coverage: t.coverage,
  pauseOnCustomer: t.pauseOnCustomer,
  clockStart: t.clockStart,
  atRiskShare: t.atRiskShare,
});

export async function writeTenants(sql: postgres.Sql, plan: Plan) {
  const cs = plan.customers;
  for (let i = 0; i < cs.length; i += 500) {
    const part = cs.slice(i, i + 500);
    await sql`insert into customers ${sql(
      part.map((c) => ({
        id: c.id,
        name: c.name,
        slug: c.slug,
        industry: c.industry,
        country: c.country,
        timezone: c.timezone,
        created_at: c.createdAt,
        updated_at: c.createdAt,
      })),
    )}`;
    await sql`insert into customer_contacts ${sql(
      part.flatMap((c) => {
        const r = stream(plan.seed, "contacts", c.index);
        return [
          ["Security lead", ["critical", "high", "medium"], ["email", "phone"], true],
          ["IT operations", ["critical", "high"], ["email"], r() < 0.6],
          ["CISO", ["critical"], ["email", "sms"], false],
        ].map(([role, severities, channels, reports], k) => ({
          customer_id: c.id,
          name: `${role} ${c.index + 1}`,
          email: `contact${k + 1}@${c.slug}.example`,
          role: role as string,
          severities: severities as string[],
          channels: channels as string[],
          receives_reports: reports as boolean,
        }));
      }),
    )}`;
    await sql`insert into contracts ${sql(
      part.map((c) => ({
        id: c.contractId,
        customer_id: c.id,
        reference: `NW-${1000 + c.index}`,
        created_at: c.createdAt,
      })),
    )}`;
    await sql`insert into contract_versions ${sql(
      part.flatMap((c) =>
        c.versions.map((v) => {
          const t = termsOf(c, v);
          const end = new Date(plan.now.getTime() + (30 + (c.index % 300)) * DAY).toISOString().slice(0, 10);
          return {
            id: v.id,
            customer_id: c.id,
            contract_id: c.contractId,
            version: v.version,
            effective_from: v.from,
            tier: v.tier,
            start_date: c.createdAt.toISOString().slice(0, 10),
            end_date: end,
            auto_renew: c.index % 7 !== 0,
            notice_days: t.noticeDays,
            licensed_endpoints: t.licensedEndpoints,
            licensed_sensors: t.licensedSensors,
            monitored_classes: t.monitoredClasses,
            coverage: sql.json(t.coverage),
            sla_targets: sql.json(t.slaTargets),
            pause_on_customer: t.pauseOnCustomer,
            clock_start: t.clockStart,
            at_risk_share: t.atRiskShare,
            allowed_actions: t.allowedActions,
            created_at: v.from,
          };
        }),
      ),
    )}`;
  }
}
