import { hashPassword } from "better-auth/crypto";
import { eq } from "drizzle-orm";
import { Temporal } from "temporal-polyfill";
import type { Db } from "@/db";
import { customers, providerSettings } from "@/db/schema";
import { type AuditActor, recordAudit, systemActor } from "@/server/audit/service";
import { createContract, defaultTerms } from "@/server/contracts/service";
import { officeHours } from "@/server/contracts/templates";
import { addUnsupportedVersion, foldHeartbeatHours, runSensorSweep } from "@/server/coverage/service";
import { addContact, createCustomer } from "@/server/customers/service";
import { rollUpIntake } from "@/server/intake-stats/service";
import { findProviderSettings } from "@/server/provider/queries";
import { runSlaSweep } from "@/server/sla/service";
import type { TenantContext } from "@/server/tenancy/tenant";
import { mintTenantId, systemContext } from "@/server/tenancy/tenant";
import { findUserByEmail, insertMembership, insertUserWithPassword } from "@/server/users/queries";
import { seedAssets } from "./assets";
import * as data from "./data";
import { catchUpHeartbeats } from "./heartbeats";
import { seedHistory } from "./history";
import { seedPosture } from "./posture";
import { timed } from "./profile";
import { seedReports } from "./reports";
import { seedRoster } from "./roster";

export type SeedLog = (line: string) => void;

let demoHash: Promise<string> | null = null;

/**
 * `createUserDirect` (same rows, same audit entry) with the demo password hashed once: every demo user has the same
 * password, and a deliberately slow hash per user was a tenth of the seed's time.
 */
async function createDemoUser(
  db: Db,
  org: Parameters<typeof insertMembership>[2],
  input: { email: string; name: string; role: Parameters<typeof insertMembership>[3] },
  actor: AuditActor,
) {
  demoHash ??= hashPassword(data.DEMO_PASSWORD);
  const passwordHash = await demoHash;
  await db.transaction(async (tx) => {
    if (await findUserByEmail(tx, input.email)) throw new Error(`${input.email} already has an account.`);
    const userId = crypto.randomUUID();
    await insertUserWithPassword(tx, { id: userId, name: input.name, email: input.email, passwordHash });
    await insertMembership(tx, userId, org, input.role);
    await recordAudit(tx, {
      ...actor,
      customerId: org,
      action: "user.create",
      targetType: "user",
      targetId: userId,
      summary: { email: input.email, role: input.role },
    });
  });
}

/** Seeds the demo provider once; a database that already has a provider is left as it is. */
export async function seedDemo(
  db: Db,
  log: SeedLog = () => {},
  opts: { now?: Date; history?: boolean; historyOf?: string[]; reports?: boolean } = {},
): Promise<{ seeded: boolean }> {
  const now = opts.now ?? new Date();
  if (await findProviderSettings(db)) {
    log("The database already holds a provider: nothing to seed.");
    return { seeded: false };
  }
  const actor = systemActor("seed");
  const ctx = systemContext(db, "seed");
  await db.insert(providerSettings).values(data.provider);
  log(`Provider: ${data.provider.name}`);
  await timed("phase:staff", async () => {
    for (const s of data.staff) await createDemoUser(db, null, s, actor);
  });
  log(`Staff: ${data.staff.length} users`);
  for (const v of data.unsupportedVersions) await addUnsupportedVersion(ctx, v);
  for (const c of data.customers)
    await timed("phase:customers", async () => {
      const {
        users,
        contacts,
        hostPrefix: _p,
        adDomain: _a,
        dnsDomain: _d,
        sensors: _s,
        threatLevel: _t,
        contract,
        ...fields
      } = c;
      const row = await createCustomer(ctx, fields);
      const tenant = mintTenantId(row.id);
      for (const u of users) await createDemoUser(db, tenant, u, actor);
      for (const contact of contacts) await addContact({ ...ctx, tenant }, contact);
      const since = await seedContract({ ...ctx, tenant }, c.timezone, contract, now);
      // A customer since their contract began (the report schedule skips months before a customer existed).
      await db.update(customers).set({ createdAt: since }).where(eq(customers.id, row.id));
      log(`Customer: ${c.name} (${c.timezone}), ${users.length} users, ${contacts.length} contacts`);
    });
  const roster = await timed("phase:roster", () => seedRoster(db, now));
  log(`Roster: ${roster.rosters} rosters, ${roster.analysts} analysts with profiles, time off and swaps`);
  if (opts.history !== false) {
    const history = await timed("phase:history", () => seedHistory(db, log, now, opts.historyOf));
    log(`History: ${history.alerts} alerts through the intake, ${history.incidents} incidents`);
    const sweep = await timed("phase:sla-sweep", () => runSlaSweep(db, now));
    log(`SLA sweep: ${sweep.breached} clocks breached, ${sweep.atRisk} at risk since their last change`);
    const sensorSweep = await timed("phase:sensor-sweep", () => runSensorSweep(db, now));
    log(`Sensor sweep: ${sensorSweep.silent} silent sensors announced`);
    // Heartbeat history older than the hourly window, folded into days as the daily job does.
    const fold = await timed("phase:heartbeat-fold", () => foldHeartbeatHours(db, now, 62));
    log(`Heartbeat fold: ${fold.folded} hourly rows into ${fold.written} daily rows`);
    const rollup = await timed("phase:intake-rollup", () => rollUpIntake(db, now));
    log(`Intake rollup: ${rollup.quarters} quarter hours of history`);
    // The CMDB import (owners, crown jewels) before the posture run, so the rules the server runs next see the same
    // facts and a first start raises nothing new.
    log(
      `Assets: ${(await timed("phase:assets", () => seedAssets(db, now))).hosts} hosts beyond those the alerts named`,
    );
    await timed("phase:posture", () => seedPosture(db, log, now));
  }
  const started = Date.now();
  if (opts.reports !== false) {
    const reports = await timed("phase:reports", () => seedReports(db, now));
    log(
      `Reports: ${reports.reports} monthly reports for the last three months (${((Date.now() - started) / 1000).toFixed(1)} s)`,
    );
  }
  if (opts.history !== false && !opts.now) {
    const beats = await timed("phase:catch-up-heartbeats", () => catchUpHeartbeats(db, now));
    log(`Heartbeats: ${beats} sent for the minutes the seed took (the healthy sensors stay healthy)`);
  }
  return { seeded: true };
}

async function seedContract(
  ctx: TenantContext,
  timeZone: string,
  c: (typeof data.customers)[number]["contract"],
  now: Date,
) {
  const today = Temporal.Instant.fromEpochMilliseconds(now.getTime()).toZonedDateTimeISO(timeZone).toPlainDate();
  const start = today.subtract({ days: c.startedDaysAgo });
  const terms = defaultTerms(c.tier, timeZone, start.toString());
  terms.endDate = start.add({ days: c.termDays - 1 }).toString();
  if (c.noticeDays !== undefined) terms.noticeDays = c.noticeDays;
  if (c.licensedEndpoints !== undefined) terms.licensedEndpoints = c.licensedEndpoints;
  if (c.licensedSensors !== undefined) terms.licensedSensors = c.licensedSensors;
  if (c.autoRenew !== undefined) terms.autoRenew = c.autoRenew;
  if (c.monitoredClasses) terms.monitoredClasses = c.monitoredClasses;
  if (c.businessHours) terms.coverage = officeHours(timeZone) as typeof terms.coverage;
  const effectiveFrom = new Date(start.toZonedDateTime({ timeZone }).epochMilliseconds);
  await createContract({ ...ctx, now: () => effectiveFrom }, { reference: c.reference, terms, effectiveFrom });
  return effectiveFrom;
}
