import { createElement } from "react";
import type { Db, DbOrTx } from "@/db";
import SensorHealthEmail, { sensorHealthSubject } from "@/emails/sensor-health";
import { actorOf, recordAudit } from "@/server/audit/service";
import { assertCan } from "@/server/auth/permissions";
import { deliverQueued, sendEmail } from "@/server/email/send";
import { env } from "@/server/env";
import { Conflict, NotFound } from "@/server/errors";
import { getBranding } from "@/server/provider/queries";
import { SENSOR_CLASS_LABELS } from "@/server/sensors/schema";
import { listSocManagers } from "@/server/tenancy/queries";
import { afterCommit } from "@/server/tenancy/scope";
import { CASEWORK, forgetSharedRead, sharedRead } from "@/server/tenancy/shared-read";
import { type ActorContext, clockOf, personOf } from "@/server/tenancy/tenant";
import * as q from "./queries";
import type { UnsupportedVersionInput } from "./schema";

// ---- the provider's list of unsupported agent versions ----

export async function getUnsupportedVersions(ctx: ActorContext) {
  assertCan(ctx.actor, "sensor:read");
  if (ctx.actor.side !== "staff") throw new NotFound("No such list.");
  return q.listUnsupportedVersions(ctx.db);
}

export async function addUnsupportedVersion(ctx: ActorContext, input: UnsupportedVersionInput) {
  assertCan(ctx.actor, "sensor:manage");
  return ctx.db.transaction(async (tx) => {
    const row = await q.insertUnsupportedVersion(tx, { ...input, createdBy: personOf(ctx)?.id ?? null });
    if (!row) throw new Conflict(`${input.vendor} ${input.product} ${input.version} is already on the list.`);
    await recordAudit(tx, {
      ...actorOf(ctx),
      action: "agent_version.unsupport",
      targetType: "unsupported_agent_version",
      targetId: row.id,
      summary: { after: input },
    });
    return row;
  });
}

export async function removeUnsupportedVersion(ctx: ActorContext, id: string) {
  assertCan(ctx.actor, "sensor:manage");
  return ctx.db.transaction(async (tx) => {
    const row = await q.deleteUnsupportedVersion(tx, id);
    if (!row) throw new NotFound("No such entry.");
    await recordAudit(tx, {
      ...actorOf(ctx),
      action: "agent_version.support",
      targetType: "unsupported_agent_version",
      targetId: id,
      summary: { before: { vendor: row.vendor, product: row.product, version: row.version } },
    });
    return { id };
  });
}

// ---- the console banner ----

const SENSOR_BANNER = "coverage.banner";

export async function bannerTransitions(ctx: ActorContext) {
  assertCan(ctx.actor, "sensor:read");
  if (ctx.actor.side !== "staff") throw new NotFound("No such list.");
  // Every console page polls it: shared by the staff's requests for a few seconds, forgotten when one is dismissed;
  // kept over casework (the sweep job writes the transitions, and casework changes no sensor).
  return sharedRead(ctx, SENSOR_BANNER, readBanner, undefined, undefined, undefined, CASEWORK);
}

/** The newest items, and the counts over all of them (a provider with many customers can have more than a page). */
async function readBanner(ctx: ActorContext) {
  const since = new Date(clockOf(ctx).getTime() - 24 * 3_600_000);
  const items = await q.listBanner(ctx.db, since);
  const counts = await q.countBanner(ctx.db, since);
  return { items, counts, total: counts.silent + counts.recovered };
}

/** Dismissing acknowledges the item for the whole SOC (one shared banner), and is audited. */
export async function dismissTransition(ctx: ActorContext, id: string) {
  assertCan(ctx.actor, "sensor:read");
  if (ctx.actor.side !== "staff") throw new NotFound("No such item.");
  await ctx.db.transaction(async (tx) => {
    if (!(await q.dismissTransition(tx, id, clockOf(ctx)))) throw new NotFound("No such item.");
    await recordAudit(tx, {
      ...actorOf(ctx),
      action: "sensor.transition.dismiss",
      targetType: "sensor_transition",
      targetId: id,
    });
  });
  await afterCommit(ctx.db, () => forgetSharedRead(SENSOR_BANNER));
  return { id };
}

// ---- the minute sweep ----

/**
 * Detects silent and recovered transitions and announces each exactly once across instances: the conditional
 * UPDATEs in `claimSilent`/`claimRecovered` hand each transition to one sweep, which writes the banner row and the
 * e-mails in the same transaction. Mail is delivered after commit.
 */
export async function runSensorSweep(db: Db, now = new Date()) {
  const result = await db.transaction(async (tx) => {
    const silent = await q.claimSilent(tx, now);
    const recovered = (await q.claimRecovered(tx, now)).filter((r) => !r.retired);
    const mail = await announce(
      tx,
      [
        ...silent.map((s) => ({ ...s, kind: "silent" as const, silentSince: s.silentSince!, recoveredAt: null })),
        ...recovered.map((r) => ({ ...r, kind: "recovered" as const })),
      ],
      now,
    );
    return { silent: silent.length, recovered: recovered.length, mail };
  });
  if (result.silent || result.recovered) forgetSharedRead(SENSOR_BANNER);
  if (result.mail.length) await deliverQueued(db, result.mail);
  return { silent: result.silent, recovered: result.recovered, emails: result.mail.length };
}

type Transition = {
  id: string;
  customerId: string;
  kind: "silent" | "recovered";
  silentSince: Date;
  recoveredAt: Date | null;
};

const utc = (d: Date | null) => (d ? `${d.toISOString().slice(0, 16).replace("T", " ")} UTC` : null);

/** At most this many transitions are listed in one e-mail; the rest are counted ("…and 212 more"). */
const MAIL_LIST_LIMIT = 50;

/**
 * Writes the banner rows of a sweep's transitions and queues the e-mails of those written (a row already there was
 * announced before). Recipients and sensors are read once for the whole batch. Each recipient gets one e-mail per kind
 * and sweep: a single transition has its sensor's own e-mail, several are listed in one (a SOC manager's lists every
 * customer, a technical contact's only their own customer), so an outage that silences a thousand sensors at once
 * sends a handful of e-mails, not thousands.
 */
async function announce(tx: DbOrTx, list: Transition[], now: Date): Promise<string[]> {
  if (!list.length) return [];
  const written = await q.insertTransitions(
    tx,
    list.map((t) => ({
      customerId: t.customerId,
      sensorId: t.id,
      kind: t.kind,
      silentSince: t.silentSince,
      recoveredAt: t.recoveredAt,
      createdAt: now,
    })),
  );
  const done = new Set(written.map((w) => `${w.kind}/${w.sensorId}`));
  const fresh = list.filter((t) => done.has(`${t.kind}/${t.id}`));
  if (!fresh.length) return [];
  const [sensors, managers, branding, contacts] = await Promise.all([
    q.sensorsForMail(
      tx,
      fresh.map((t) => t.id),
    ),
    listSocManagers(tx).then((m) => m.map((x) => x.email)),
    getBranding(tx),
    q.technicalContactsOf(tx, [...new Set(fresh.map((t) => t.customerId))]),
  ]);
  const byId = new Map(sensors.map((s) => [s.id, s]));
  // recipient × kind (× customer for a customer's contact) → the transitions it is told about
  const mails = new Map<
    string,
    { to: string; audience: "staff" | "customer"; customerId?: string; kind: Transition["kind"]; items: Transition[] }
  >();
  const add = (to: string, audience: "staff" | "customer", t: Transition) => {
    const key = `${audience}/${to}/${t.kind}/${audience === "customer" ? t.customerId : ""}`;
    const mail = mails.get(key) ?? {
      to,
      audience,
      customerId: audience === "customer" ? t.customerId : undefined,
      kind: t.kind,
      items: [],
    };
    mail.items.push(t);
    mails.set(key, mail);
  };
  const staff = [...new Set(managers)];
  for (const t of fresh) {
    if (!byId.has(t.id)) continue;
    for (const to of staff) add(to, "staff", t);
    for (const to of new Set(contacts.filter((c) => c.customerId === t.customerId).map((c) => c.email)))
      add(to, "customer", t);
  }
  const ids: string[] = [];
  for (const mail of mails.values()) {
    const customers = new Set(mail.items.map((t) => t.customerId)).size;
    const items = mail.items
      .map((t) => ({ t, s: byId.get(t.id)! }))
      .sort((a, b) => a.s.customerName.localeCompare(b.s.customerName) || a.s.name.localeCompare(b.s.name))
      .slice(0, MAIL_LIST_LIMIT)
      .map(({ t, s }) => ({
        customerName: s.customerName,
        sensorName: s.name,
        sensorClass: SENSOR_CLASS_LABELS[s.sensorClass],
        silentSince: utc(t.silentSince)!,
        recoveredAt: utc(t.recoveredAt),
      }));
    ids.push(
      await sendEmail(tx, {
        to: mail.to,
        template: `sensor-${mail.kind}`,
        createdAt: now,
        customerId: mail.customerId,
        subject: sensorHealthSubject(mail.kind, items, mail.items.length, customers).slice(0, 250),
        element: createElement(SensorHealthEmail, {
          branding,
          kind: mail.kind,
          items,
          more: mail.items.length - items.length,
          customers,
          audience: mail.audience,
          url: new URL(
            mail.audience === "staff" ? "/console/coverage" : "/portal/coverage",
            env.BETTER_AUTH_URL,
          ).toString(),
        }),
      }),
    );
  }
  return ids;
}

/** Raw heartbeats are kept 48 hours (recent versions and rates for troubleshooting); the hourly rows keep the rest. */
export const RAW_HEARTBEAT_RETENTION_MS = 48 * 3_600_000;

/**
 * Sensors' hourly heartbeat rows older than this many days are folded into one row per UTC day. Availability and
 * silent periods read from a folded day are exactly those of its hours (histories.int.test.ts), so the window only
 * has to cover what is still being written and the month's report run (generated in the first hours of the next
 * month in the customer's zone): a month's availability then reads ~30 day rows and ≤ 96 hour rows a sensor instead
 * of ~720 hour rows (35 days until session 15: the portal's live coverage and posture read a fifth of PostgreSQL's
 * time in the 50-user run at 20,000 sensors).
 */
export const HOURLY_HEARTBEAT_DAYS = 3;
/** How many days before the newest one due the daily fold looks back for days it missed (the job did not run). */
const FOLD_LOOKBACK_DAYS = 7;

/**
 * The daily heartbeat fold: every UTC day that ended more than `HOURLY_HEARTBEAT_DAYS` ago and still holds hourly
 * rows becomes one row per sensor (`compactHeartbeatDay`), so the history grows by a row per sensor and day instead
 * of 24 while availability and silent periods stay exactly what the hours gave. Each day in its own transaction.
 * `lookbackDays`: how far back to look for days not yet folded (a scale build folds its whole history at once).
 */
export async function foldHeartbeatHours(db: Db, now = new Date(), lookbackDays = FOLD_LOOKBACK_DAYS) {
  const DAY = 86_400_000;
  // Days that ended at or before this instant are folded.
  const cutoff = Math.floor(now.getTime() / DAY) * DAY - HOURLY_HEARTBEAT_DAYS * DAY;
  let days = 0;
  let folded = 0;
  let written = 0;
  for (let t = cutoff - lookbackDays * DAY; t < cutoff; t += DAY) {
    const day = new Date(t);
    if (!(await q.dayHasHourlyRows(db, day))) continue;
    const r = await db.transaction((tx) => q.compactHeartbeatDay(tx, day));
    days++;
    folded += r.folded;
    written += r.written;
  }
  return { days, folded, written };
}

export async function pruneRawHeartbeats(db: Db, now = new Date()) {
  return { deleted: await q.pruneHeartbeats(db, new Date(now.getTime() - RAW_HEARTBEAT_RETENTION_MS)) };
}
