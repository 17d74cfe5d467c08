import { Temporal } from "temporal-polyfill";
import { auditedChange } from "@/server/audit/change";
import { assertCan } from "@/server/auth/permissions";
import { findCustomer } from "@/server/customers/queries";
import { Conflict, isUniqueViolation, NotFound } from "@/server/errors";
import { clockOf, personOf, type StaffContext, type TenantContext } from "@/server/tenancy/tenant";
import * as q from "./queries";
import type { Terms } from "./schema";
import { TEMPLATES } from "./templates";
import { contractWarnings } from "./warnings";

const localToday = (tz: string, now: Date) =>
  Temporal.Instant.fromEpochMilliseconds(now.getTime()).toZonedDateTimeISO(tz).toPlainDate().toString();

/** The tier's defaults as a complete set of terms, for a new contract form. Pure. */
export function defaultTerms(tier: Terms["tier"], timeZone: string, today: string): Terms {
  const t = TEMPLATES[tier];
  const start = Temporal.PlainDate.from(today);
  return {
    tier,
    startDate: start.toString(),
    endDate: start.add({ years: 1 }).subtract({ days: 1 }).toString(),
    autoRenew: true,
    noticeDays: 90,
    licensedEndpoints: 250,
    licensedSensors: 4,
    monitoredClasses: t.monitoredClasses,
    coverage: t.coverage(timeZone) as Terms["coverage"],
    slaTargets: t.slaTargets,
    pauseOnCustomer: t.pauseOnCustomer,
    clockStart: "received",
    atRiskShare: 0.25,
    allowedActions: t.allowedActions,
    extraSkills: [],
    languages: [],
  };
}

/** Staff: every active customer with its terms in force today and what needs attention. */
export async function listContracts(ctx: StaffContext) {
  assertCan(ctx.actor, "contract:read");
  if (ctx.actor.side !== "staff") throw new NotFound("No such list.");
  const now = clockOf(ctx);
  const [rows, deployments] = await Promise.all([q.listCurrentVersionsAll(ctx.db, now), q.deploymentsOfAll(ctx.db)]);
  return rows.map((r) => {
    const deployment = deployments.get(r.customerId) ?? q.NO_DEPLOYMENT;
    return {
      ...r,
      deployment,
      warnings: r.version ? contractWarnings(r.version, deployment, localToday(r.timezone, now)) : [],
    };
  });
}

/** One customer's contracts with all versions, the version in force and its warnings. */
export async function getContracts(ctx: TenantContext) {
  assertCan(ctx.actor, "contract:read");
  const customer = await findCustomer(ctx.db, ctx.tenant);
  if (!customer) throw new NotFound("No such customer.");
  const timeZone = customer.timezone;
  const now = clockOf(ctx);
  const list = await q.listContractsOf(ctx.db, ctx.tenant);
  const contracts = await Promise.all(
    list.map(async (c) => ({ ...c, versions: await q.listVersions(ctx.db, ctx.tenant, c.id) })),
  );
  const current = await q.versionInForce(ctx.db, ctx.tenant, now);
  const deployment = await q.deploymentOf(ctx.db, ctx.tenant);
  const named = contracts.flatMap((c) => c.versions).find((v) => v.id === current?.id);
  return {
    contracts,
    current: current ? (named ?? { ...current, createdByName: null }) : null,
    deployment,
    warnings: current ? contractWarnings(current, deployment, localToday(timeZone, now)) : [],
    defaults: defaultTerms("mdr", timeZone, localToday(timeZone, now)),
  };
}

export async function createContract(
  ctx: TenantContext,
  input: { reference: string; terms: Terms; effectiveFrom: Date },
) {
  assertCan(ctx.actor, "contract:manage");
  try {
    return await auditedChange(ctx, async (tx) => {
      const contract = await q.insertContract(tx, ctx.tenant, input.reference);
      const version = await q.insertVersion(tx, ctx.tenant, {
        contractId: contract.id,
        terms: input.terms,
        effectiveFrom: input.effectiveFrom,
        note: "Initial terms",
        createdBy: personOf(ctx)?.id ?? null,
        createdAt: clockOf(ctx),
      });
      return {
        result: { contract, version },
        audit: {
          customerId: ctx.tenant,
          action: "contract.create",
          targetType: "contract",
          targetId: contract.id,
          summary: {
            reference: input.reference,
            tier: input.terms.tier,
            effectiveFrom: input.effectiveFrom.toISOString(),
          },
        },
      };
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new Conflict(`A contract "${input.reference}" already exists.`, "reference");
    throw e;
  }
}

/** A change creates a new version effective from a date; incidents opened before it keep their version. */
export async function addVersion(
  ctx: TenantContext,
  input: { contractId: string; terms: Terms; effectiveFrom: Date; note: string },
) {
  assertCan(ctx.actor, "contract:manage");
  return auditedChange(ctx, async (tx) => {
    const contract = await q.findContract(tx, ctx.tenant, input.contractId);
    if (!contract) throw new NotFound("No such contract.");
    const version = await q.insertVersion(tx, ctx.tenant, {
      contractId: contract.id,
      terms: input.terms,
      effectiveFrom: input.effectiveFrom,
      note: input.note,
      createdBy: personOf(ctx)?.id ?? null,
      createdAt: clockOf(ctx),
    });
    return {
      result: version,
      audit: {
        customerId: ctx.tenant,
        action: "contract.version",
        targetType: "contract",
        targetId: contract.id,
        summary: { version: version.version, effectiveFrom: input.effectiveFrom.toISOString(), note: input.note },
      },
    };
  });
}

/** The customer's view: the terms they bought and their deployment, without provider notes, authors or drafts. */
export async function getMyContract(ctx: TenantContext) {
  const full = await getContracts(ctx);
  const strip = <T extends { note: string | null; createdBy: string | null; createdByName?: string | null }>(v: T) => {
    const { note: _n, createdBy: _c, createdByName: _cn, ...rest } = v;
    return rest;
  };
  return {
    contracts: full.contracts.map((c) => ({ ...c, versions: c.versions.map(strip) })),
    current: full.current ? strip(full.current) : null,
    deployment: full.deployment,
    warnings: full.warnings.filter((w) => w.kind.startsWith("class_") || w.kind.endsWith("_over")),
  };
}
