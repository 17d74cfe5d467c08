/**
 * Casework during a load run: analysts acknowledging alerts from the queue at a steady rate, each a real tRPC
 * mutation over HTTP (`alerts.acknowledge`, one alert a change) by a signed-in analyst. A change forgets the shared
 * reads it can move (server/tenancy/shared-read.ts), so the pages' numbers under changes show what that costs.
 * The alerts are the queue's oldest new ones; acknowledging them changes the data set (the scale build has ~5,600 new).
 */
import type postgres from "postgres";
import type { VirtualUser } from "./sessions";

export type Changes = { stop: () => Promise<{ sent: number; failed: number; failures: string[] }> };

/** New alerts to acknowledge, oldest first: enough for `perSecond` over `seconds`. */
export async function alertsToAcknowledge(sql: postgres.Sql, perSecond: number, seconds: number) {
  const rows = await sql<{ id: string }[]>`
    select id from alerts where status = 'new' order by received_at limit ${Math.ceil(perSecond * seconds) + 10}`;
  return rows.map((r) => r.id);
}

/** Sends `perSecond` acknowledgements a second, spread evenly, from the analysts in turn, until stopped. */
export function startChanges(base: string, analysts: VirtualUser[], alertIds: string[], perSecond: number): Changes {
  let sent = 0;
  let failed = 0;
  const failures: string[] = [];
  const inFlight = new Set<Promise<void>>();
  const path = "/api/trpc/alerts.acknowledge?batch=1";
  const one = async (i: number) => {
    const id = alertIds[i];
    const who = analysts[i % analysts.length];
    if (!id || !who) return;
    const res = await fetch(base + path, {
      method: "POST",
      headers: { "content-type": "application/json", cookie: who.cookie, origin: base },
      body: JSON.stringify({ 0: { json: { alertIds: [id] } } }),
    });
    const text = await res.text();
    sent++;
    if (res.status !== 200) {
      failed++;
      if (failures.length < 3) failures.push(`${res.status} ${text.slice(0, 160)}`);
    }
  };
  let next = 0;
  const timer = setInterval(() => {
    const p = one(next++).catch((e) => {
      failed++;
      if (failures.length < 3) failures.push(String(e));
    });
    inFlight.add(p);
    p.finally(() => inFlight.delete(p));
  }, 1000 / perSecond);
  return {
    stop: async () => {
      clearInterval(timer);
      await Promise.all(inFlight);
      return { sent, failed, failures };
    },
  };
}
