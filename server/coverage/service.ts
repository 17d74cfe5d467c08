import { createElement } from "react";
import type { Db, DbOrTx } from "@/db";
import SensorHealthEmail from "@/emails/sensor-health";
import { actorOf, recordAudit } from "@/server/audit/service";
import { assertCan } from "@/server/auth/permissions";
import { deliverQueued, sendEmail } from "@/server/email/send";
import { env } from "@/server/env";
import { Conflict, NotFound } from "@/server/errors";
import { getBranding } from "@/server/provider/queries";
import { SENSOR_CLASS_LABELS } from "@/server/sensors/schema";
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

export async function bannerTransitions(ctx: ActorContext) {
  assertCan(ctx.actor, "sensor:read");
  if (ctx.actor.side !== "staff") throw new NotFound("No such list.");
  return q.listBanner(ctx.db, new Date(clockOf(ctx).getTime() - 24 * 3_600_000));
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

/**
 * Writes the banner rows of a sweep's transitions in one statement and queues the e-mails of those written (a row
 * already there was announced before). Recipients and sensors are read once for the whole batch: a burst of silent
 * sensors costs a handful of statements, not five per sensor.
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
  const fresh = list.filter((t) => written.some((w) => w.sensorId === t.id && w.kind === t.kind));
  if (!fresh.length) return [];
  const [sensors, managers, branding, contacts] = await Promise.all([
    q.sensorsForMail(
      tx,
      fresh.map((t) => t.id),
    ),
    q.socManagerEmails(tx),
    getBranding(tx),
    q.technicalContactsOf(tx, [...new Set(fresh.map((t) => t.customerId))]),
  ]);
  const ids: string[] = [];
  for (const t of fresh) {
    const sensor = sensors.find((s) => s.id === t.id);
    if (!sensor) continue;
    const recipients = [
      ...[...new Set(managers)].map((to) => ({ to, audience: "staff" as const })),
      ...[...new Set(contacts.filter((c) => c.customerId === t.customerId).map((c) => c.email))].map((to) => ({
        to,
        audience: "customer" as const,
      })),
    ];
    for (const r of recipients) {
      ids.push(
        await sendEmail(tx, {
          to: r.to,
          template: `sensor-${t.kind}`,
          createdAt: now,
          customerId: r.audience === "customer" ? t.customerId : undefined,
          subject:
            `${t.kind === "silent" ? "Sensor silent" : "Sensor reporting again"}: ${sensor.name} — ${sensor.customerName}`.slice(
              0,
              250,
            ),
          element: createElement(SensorHealthEmail, {
            branding,
            kind: t.kind,
            customerName: sensor.customerName,
            sensorName: sensor.name,
            sensorClass: SENSOR_CLASS_LABELS[sensor.sensorClass],
            silentSince: utc(t.silentSince)!,
            recoveredAt: utc(t.recoveredAt),
            audience: r.audience,
            url: new URL(
              r.audience === "staff" ? "/console/coverage" : "/portal/coverage",
              env.BETTER_AUTH_URL,
            ).toString(),
          }),
        }),
      );
    }
  }
  return ids;
}

/** Raw heartbeats are kept 48 hours (recent versions and rates for troubleshooting); the hourly rows keep the rest. */
export const RAW_HEARTBEAT_RETENTION_MS = 48 * 3_600_000;

export async function pruneRawHeartbeats(db: Db, now = new Date()) {
  return { deleted: await q.pruneHeartbeats(db, new Date(now.getTime() - RAW_HEARTBEAT_RETENTION_MS)) };
}
