import type { DbOrTx } from "@/db";
import { actorOf, recordAudit } from "@/server/audit/service";
import { assertCan } from "@/server/auth/permissions";
import { NotFound } from "@/server/errors";
import { type ActorContext, clockOf, type TenantContext, type TenantId } from "@/server/tenancy/tenant";
import { deployedEndpoints, edrCoverage, entitlement, isCovered } from "./coverage";
import { dedupeHosts, factsFromEntity, type HostFacts, incidentKeysOf } from "./identity";
import { matchImport } from "./import-match";
import { parseAssetImport } from "./import-rows";
import {
  type AssetFilters,
  coverageFacts,
  findAsset,
  findImportCandidates,
  findKnownAssets,
  licenceFacts,
  listAssets,
  listAssetsAll,
  listOpenIncidentsFor,
  listSightings,
  writeImport,
  writeSightings,
} from "./queries";
import { resolveHosts } from "./resolve";

/**
 * Learns hosts a sensor reported (alert entities or a heartbeat inventory) inside the caller's transaction: one
 * upsert of assets and one of sightings for the whole batch.
 */
export async function learnHosts(
  tx: DbOrTx,
  tenant: TenantId,
  sensorId: string,
  hosts: readonly (HostFacts | { name?: string; id?: string; ips?: string[]; os?: string })[],
  at: Date,
) {
  const facts = hosts.map((h) => ("agentId" in h ? h : factsFromEntity(h))).filter((f): f is HostFacts => f !== null);
  const list = dedupeHosts(facts);
  if (list.length === 0) return;
  const { matched, fresh } = resolveHosts(list, await findKnownAssets(tx, tenant, list));
  await writeSightings(tx, tenant, sensorId, matched, fresh, at);
}

export async function getAssets(ctx: TenantContext, filters: AssetFilters) {
  assertCan(ctx.actor, "asset:read");
  const now = clockOf(ctx);
  return withCovered(await listAssets(ctx.db, ctx.tenant, filters, now), now);
}

export async function getAllAssets(ctx: ActorContext, filters: AssetFilters) {
  assertCan(ctx.actor, "asset:read");
  if (ctx.actor.side !== "staff") throw new NotFound("No such list.");
  const now = clockOf(ctx);
  return withCovered(await listAssetsAll(ctx.db, filters, now), now);
}

function withCovered<T extends { lastEdrAt: Date | null }>(page: { rows: T[]; total: number }, now: Date) {
  return { ...page, rows: page.rows.map((r) => ({ ...r, covered: isCovered(r, now) })) };
}

export async function getAsset(ctx: TenantContext, id: string) {
  assertCan(ctx.actor, "asset:read");
  const asset = await findAsset(ctx.db, ctx.tenant, id);
  if (!asset) throw new NotFound("No such asset.");
  const now = clockOf(ctx);
  const [sightings, incidents] = await Promise.all([
    listSightings(ctx.db, ctx.tenant, id),
    listOpenIncidentsFor(ctx.db, ctx.tenant, incidentKeysOf(asset), ctx.actor.side === "customer"),
  ]);
  return { ...asset, covered: isCovered(asset, now), sightings, incidents };
}

/** EDR coverage and entitlement of one customer at `at` (now, or a report's month end). */
export async function coverageAt(db: DbOrTx, tenant: TenantId, at: Date) {
  const [facts, licence] = await Promise.all([coverageFacts(db, tenant, at), licenceFacts(db, tenant, at)]);
  const coverage = edrCoverage(facts, at);
  const uncovered = new Set(coverage.uncoveredIds);
  const rank = { "crown-jewel": 0, high: 1, medium: 2, low: 3 } as const;
  return {
    at,
    known: coverage.known,
    covered: coverage.covered,
    ratio: coverage.ratio,
    entitlement: entitlement({ ...licence, deployedEndpoints: deployedEndpoints(facts, at) }),
    uncovered: facts
      .filter((f) => uncovered.has(f.id))
      .sort(
        (a, b) =>
          (a.criticality ? rank[a.criticality] : 4) - (b.criticality ? rank[b.criticality] : 4) ||
          (a.hostname ?? a.fqdn ?? "").localeCompare(b.hostname ?? b.fqdn ?? ""),
      )
      .slice(0, 25),
  };
}

export async function getCoverage(ctx: TenantContext) {
  assertCan(ctx.actor, "asset:read");
  return coverageAt(ctx.db, ctx.tenant, clockOf(ctx));
}

/**
 * The CSV import: every row valid or nothing written. Bad rows come back as a report (row, column, message); good
 * files update matched assets and add the rest in one transaction with one audit entry.
 */
export async function importAssets(ctx: TenantContext, csv: string) {
  assertCan(ctx.actor, "asset:import");
  const parsed = parseAssetImport(csv);
  if (!parsed.ok) return { ok: false as const, errors: parsed.errors, truncated: parsed.truncated };
  const now = clockOf(ctx);
  return ctx.db.transaction(async (tx) => {
    const keys = parsed.rows.map((r) => (r.fqdn ? `fqdn:${r.fqdn}` : `host:${r.hostname}`));
    const names = [...new Set(parsed.rows.flatMap((r) => [r.hostname, ...(r.fqdn ? [r.fqdn] : [])]))];
    const matched = matchImport(parsed.rows, await findImportCandidates(tx, ctx.tenant, keys, names));
    const counts = await writeImport(tx, ctx.tenant, matched, now);
    await recordAudit(tx, {
      ...actorOf(ctx),
      customerId: ctx.tenant,
      action: "asset.import",
      targetType: "customer",
      targetId: ctx.tenant,
      summary: { rows: parsed.rows.length, ...counts },
    });
    return { ok: true as const, rows: parsed.rows.length, ...counts };
  });
}
