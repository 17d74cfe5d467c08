import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DatabaseHandle, rowsOf } from "@/db";
import { alerts, incidents, sensors } from "@/db/schema";
import { escalate } from "@/server/alerts/service";
import { createSensor, revokeKeys } from "@/server/sensors/service";
import { mintTenantId, systemContext } from "@/server/tenancy/tenant";
import { closeTestDatabase, createTestDatabase } from "@/server/testing/db";
import { createWorld } from "@/server/testing/factories";
import { configureIntakeLimit, handleHeartbeat, handleIngest, resetIntakeLimit } from "./http";
import { apiDetection, authAuditEvent } from "./normalize/fixtures/crowdstrike";
import { captureLoss, sshGuessing } from "./normalize/fixtures/zeek";

let h: DatabaseHandle;
let w: Awaited<ReturnType<typeof createWorld>>;
const keys: Record<string, string> = {};
let csSensorA = "";

async function sensorKey(customerId: string, sourceFormat: "crowdstrike" | "zeek", name: string) {
  const ctx = { ...systemContext(h.db, "test"), tenant: mintTenantId(customerId) };
  const r = await createSensor(ctx, { name, sensorClass: "edr", vendor: "v", product: "p", sourceFormat, site: null });
  return { key: r.apiKey, id: r.sensor.id };
}

beforeAll(async () => {
  h = await createTestDatabase();
  w = await createWorld(h.db);
  const a = await sensorKey(w.a.customer.id, "crowdstrike", "Falcon A");
  csSensorA = a.id;
  keys.csA = a.key;
  keys.zeekA = (await sensorKey(w.a.customer.id, "zeek", "Zeek A")).key;
  keys.csB = (await sensorKey(w.b.customer.id, "crowdstrike", "Falcon B")).key;
  const revoked = await sensorKey(w.a.customer.id, "crowdstrike", "Old");
  await revokeKeys({ ...systemContext(h.db, "test"), tenant: mintTenantId(w.a.customer.id) }, revoked.id);
  keys.revoked = revoked.key;
});
afterAll(closeTestDatabase);

type Opts = { key?: string | null; type?: string; headers?: Record<string, string> };
function post(source: string, body: string | Uint8Array<ArrayBuffer>, o: Opts = {}) {
  const headers: Record<string, string> = { "content-type": o.type ?? "application/json", ...o.headers };
  if (o.key !== null) headers.authorization = `Bearer ${o.key ?? keys.csA}`;
  return handleIngest(new Request(`http://test/api/ingest/${source}`, { method: "POST", body, headers }), source);
}
const send = (source: string, value: unknown, o: Opts = {}) => post(source, JSON.stringify(value), o);
const cs = (over: Record<string, unknown> = {}) => ({
  ...apiDetection(),
  ...over,
  timestamp: new Date().toISOString(),
});
let n = 0;
const uniq = (over: Record<string, unknown> = {}) => cs({ composite_id: `cid:${++n}:${Math.random()}`, ...over });

describe("intake: acknowledgement", () => {
  it("answers 202 created with the normalised result", async () => {
    const res = await send("crowdstrike", uniq());
    expect(res.status).toBe(202);
    const body = await res.json();
    expect(body).toMatchObject({ status: "created", incidentId: null, severity: 4, techniques: ["T1059.001"] });
    expect(body.alertId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("treats the same vendor alert again as an update: one row, occurrences +1, evidence merged", async () => {
    const first = cs({ composite_id: "cid:resend" });
    const r1 = await (await send("crowdstrike", first)).json();
    // Re-ordered, re-indented, with a new status and another user: the same alert.
    const again = Object.fromEntries(
      Object.entries({ ...first, status: "in_progress", user_name: "ACMECORP\\m.berg" }).reverse(),
    );
    const res2 = await post("crowdstrike", JSON.stringify(again, null, 4));
    expect([200, 202]).toContain(res2.status);
    const r2 = await res2.json();
    expect(r2).toMatchObject({ status: "updated", alertId: r1.alertId });
    const [row] = await h.db.select().from(alerts).where(eq(alerts.id, r1.alertId));
    expect(row!.occurrences).toBe(2);
    expect(row!.vendorStatus).toBe("in_progress");
    expect((row!.entities as { users: string[] }).users.sort()).toEqual(["ACMECORP\\j.okafor", "ACMECORP\\m.berg"]);
  });

  it("answers ignored for a valid event that is not an alert, and health for sensor-health events", async () => {
    const ign = await send("crowdstrike", authAuditEvent());
    expect([202, 204]).toContain(ign.status);
    expect(await ign.json()).toMatchObject({ status: "ignored" });
    const before = (await h.db.select().from(incidents)).length;
    const hl = await send("zeek", captureLoss(), { key: keys.zeekA });
    expect(hl.status).toBe(202);
    expect(await hl.json()).toEqual({ status: "health" });
    const [s] = await h.db.select().from(sensors).where(eq(sensors.name, "Zeek A"));
    expect(s!.healthNote).toContain("CaptureLoss");
    expect((await h.db.select().from(incidents)).length).toBe(before);
  });

  it("keeps the tenant from the key, never from the payload", async () => {
    const r = await (await send("crowdstrike", uniq({ customerId: w.b.customer.id, cid: w.b.customer.id }))).json();
    const [row] = await h.db.select().from(alerts).where(eq(alerts.id, r.alertId));
    expect(row!.customerId).toBe(w.a.customer.id);
  });

  it("creates one alert when the same alert arrives in concurrent requests", async () => {
    const alert = cs({ composite_id: "cid:concurrent" });
    const res = await Promise.all(Array.from({ length: 6 }, () => send("crowdstrike", alert)));
    const bodies = await Promise.all(res.map((r) => r.json()));
    expect(bodies.filter((b) => b.status === "created")).toHaveLength(1);
    expect(new Set(bodies.map((b) => b.alertId)).size).toBe(1);
    const rows = await h.db
      .select()
      .from(alerts)
      .where(eq(alerts.dedupKey, bodies[0].alertId ? `crowdstrike:cid:concurrent` : ""));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.occurrences).toBe(6);
  });
});

describe("intake: errors", () => {
  it("answers 400 for empty, non-JSON, truncated and invalid UTF-8 bodies", async () => {
    for (const body of ["", "not json", '{"composite_id": "x", "severity": ']) {
      const res = await post("crowdstrike", body);
      expect(res.status).toBe(400);
      expect((await res.json()).error.code).toMatch(/empty_body|invalid_json/);
    }
    const bad = await post("crowdstrike", new Uint8Array([0x7b, 0x22, 0xc3, 0x28, 0x22, 0x7d]));
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.code).toBe("invalid_utf8");
  });

  it("answers 413 for a single alert over 1 MiB and a batch over 16 MiB, before parsing", async () => {
    const big = await send("crowdstrike", uniq({ description: "x".repeat(1_048_576) }));
    expect(big.status).toBe(413);
    expect((await big.json()).error.message).toContain("1 MiB");
    const declared = await post("crowdstrike", "{}", { headers: { "content-length": String(17 * 1_048_576) } });
    expect(declared.status).toBe(413);
    expect((await declared.json()).error.message).toContain("16 MiB");
  });

  it("answers 422 naming the field for a missing field, a wrong type, a non-object and deep nesting", async () => {
    const { composite_id: _c, ...noId } = uniq();
    const missing = await send("crowdstrike", noId);
    expect(missing.status).toBe(422);
    expect((await missing.json()).error).toMatchObject({ code: "missing_field", path: "composite_id" });

    const wrong = await send("crowdstrike", uniq({ severity: "very high", severity_name: undefined }));
    expect(wrong.status).toBe(422);
    expect((await wrong.json()).error).toMatchObject({ code: "wrong_type", path: "severity" });

    const numeric = await send("crowdstrike", uniq({ severity: "85", severity_name: undefined }));
    expect(numeric.status).toBe(202);
    expect((await numeric.json()).severity).toBe(5);

    const notObject = await post("crowdstrike", "[1, 2]", {});
    expect(notObject.status).toBe(200);
    expect((await notObject.json()).results[0].error.code).toBe("not_object");
    const scalar = await post("crowdstrike", "42");
    expect(scalar.status).toBe(422);

    const deep = await post("crowdstrike", `${'{"a":'.repeat(70)}1${"}".repeat(70)}`);
    expect(deep.status).toBe(422);
    expect((await deep.json()).error.code).toBe("too_deep");
  });

  it("answers 422 for a missing event time", async () => {
    const { timestamp: _t, created_timestamp: _c, updated_timestamp: _u, ...rest } = uniq();
    const res = await send("crowdstrike", rest);
    expect(res.status).toBe(422);
    expect((await res.json()).error.code).toBe("missing_field");
  });

  it("never echoes the payload back unescaped", async () => {
    const res = await send("crowdstrike", uniq({ severity: "<script>alert(1)</script>", severity_name: undefined }));
    expect(res.headers.get("content-type")).toContain("application/json");
    expect(await res.text()).not.toContain("<script>");
  });

  it("answers 401 for a missing, unknown or revoked key, 403 for another sensor's source, 404 for an unknown source", async () => {
    expect((await send("crowdstrike", uniq(), { key: null })).status).toBe(401);
    expect((await send("crowdstrike", uniq(), { key: "wk_nothere_0000000000000000000000000000" })).status).toBe(401);
    expect((await send("crowdstrike", uniq(), { key: keys.revoked })).status).toBe(401);
    const wrong = await send("zeek", sshGuessing(), { key: keys.csA });
    expect(wrong.status).toBe(403);
    expect((await wrong.json()).error.code).toBe("wrong_source");
    expect((await send("splunk", uniq())).status).toBe(404);
  });

  it("answers 429 with Retry-After past the key's rate", async () => {
    configureIntakeLimit(3, 60);
    try {
      const statuses = [];
      for (let i = 0; i < 5; i++)
        statuses.push((await send("crowdstrike", authAuditEvent(), { key: keys.csB })).status);
      expect(statuses.slice(0, 3)).toEqual([202, 202, 202]);
      const limited = await send("crowdstrike", authAuditEvent(), { key: keys.csB });
      expect(limited.status).toBe(429);
      expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    } finally {
      resetIntakeLimit();
    }
  });
});

describe("intake: batches", () => {
  it("answers per item in order; a bad item never drops the good ones", async () => {
    const good1 = uniq();
    const good2 = uniq({ severity_name: "Critical" });
    const { composite_id: _x, ...bad } = uniq();
    const res = await send("crowdstrike", [good1, bad, authAuditEvent(), good2, good1]);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ created: 2, updated: 1, ignored: 1, health: 0, rejected: 1 });
    expect(body.results.map((r: { status: string }) => r.status)).toEqual([
      "created",
      "rejected",
      "ignored",
      "created",
      "updated",
    ]);
    expect(body.results[1].error).toMatchObject({ code: "missing_field", path: "composite_id" });
    expect(body.results[4].alertId).toBe(body.results[0].alertId);
    const [row] = await h.db.select().from(alerts).where(eq(alerts.id, body.results[0].alertId));
    expect(row!.occurrences).toBe(2);
  });

  it("reads NDJSON, a broken line rejected alone", async () => {
    const lines = [JSON.stringify(uniq()), "{broken", JSON.stringify(uniq())].join("\n");
    const res = await post("crowdstrike", lines, { type: "application/x-ndjson" });
    const body = await res.json();
    expect(body).toMatchObject({ created: 2, rejected: 1 });
    expect(body.results[1].error.code).toBe("invalid_json");
  });
});

describe("intake: hygiene", () => {
  it("keeps integers beyond 2^53 exactly in the raw payload, and never pollutes prototypes", async () => {
    const payload = `{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}, ${JSON.stringify(uniq()).slice(1, -1)}, "big": 377077835340488700}`;
    const res = await post("crowdstrike", payload);
    expect(res.status).toBe(202);
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
    const [row] = await h.db
      .select()
      .from(alerts)
      .where(eq(alerts.id, (await res.json()).alertId));
    const raw = row!.raw as Record<string, unknown>;
    expect(raw.big).toBe("377077835340488700");
    expect(Object.keys(raw)).toContain("__proto__");
  });

  it("stores each raw payload verbatim beside its own alert (spacing, key order and unicode as sent)", async () => {
    // Keys chosen so the request's order is the reverse of the dedup-key order the rows are written in.
    const texts = ["c", "b", "a"].map(
      (k, i) =>
        `{ "zz_first": ${i},\t${JSON.stringify(cs({ composite_id: `cid:verbatim:${k}:${Math.random()}` })).slice(1, -1)},  "note": "\u00e9t\u00e9 ${"é".repeat(i)}" }`,
    );
    const body = await (await post("crowdstrike", texts.join("\n"), { type: "application/x-ndjson" })).json();
    expect(body).toMatchObject({ created: 3 });
    for (const [i, text] of texts.entries()) {
      const rows = rowsOf<{ raw: string }>(
        await h.db.execute(sql`select raw from alerts where id = ${body.results[i].alertId}`),
      );
      expect(rows[0]!.raw).toBe(text);
    }
  });

  it("strips NUL, stores HTML and bidi text verbatim, and flags a far-future event time", async () => {
    const future = new Date(Date.now() + 3 * 86_400_000).toISOString();
    const res = await send("crowdstrike", {
      ...uniq(),
      display_name: "<b>bold</b>\u0000 \u202Egnp.exe",
      timestamp: future,
      created_timestamp: future,
    });
    const [row] = await h.db
      .select()
      .from(alerts)
      .where(eq(alerts.id, (await res.json()).alertId));
    expect(row!.title).toBe("<b>bold</b> \u202Egnp.exe");
    expect(row!.clockSkew).toBe(true);
    expect(row!.originalEventTime?.toISOString()).toBe(future);
    expect(Math.abs(row!.eventTime.getTime() - row!.receivedAt.getTime())).toBeLessThan(1000);
  });
});

describe("intake: correlation", () => {
  it("joins an open incident of the same customer sharing an entity within 30 minutes, and nothing else", async () => {
    const t0 = Date.now() - 2 * 3600_000;
    const at = (min: number) => new Date(t0 + min * 60_000).toISOString();
    const host = (name: string, ip = "10.40.12.73") => ({
      ...apiDetection().device,
      hostname: name,
      device_id: `dev-${name}`,
      local_ip: ip,
    });
    const first = await (
      await send("crowdstrike", { ...uniq({ device: host("corr-ws-1") }), timestamp: at(0) })
    ).json();
    const ctx = systemContext(h.db, "analyst");
    const { incidentId } = await escalate(ctx, [first.alertId]);

    const joined = await (
      await send("crowdstrike", {
        ...uniq({ device: { ...host("CORR-WS-1.acme.example"), device_id: "other" } }),
        timestamp: at(20),
      })
    ).json();
    expect(joined.incidentId).toBe(incidentId);

    const tooLate = await (
      await send("crowdstrike", { ...uniq({ device: host("corr-ws-1") }), timestamp: at(55) })
    ).json();
    expect(tooLate.incidentId).toBeNull();

    const otherHost = await (
      await send("crowdstrike", {
        ...uniq({ device: host("corr-ws-2", "10.40.99.9"), user_name: "x\\someone" }),
        timestamp: at(21),
      })
    ).json();
    expect(otherHost.incidentId).toBeNull();

    const otherTenant = await (
      await send("crowdstrike", { ...uniq({ device: host("corr-ws-1") }), timestamp: at(21) }, { key: keys.csB })
    ).json();
    expect(otherTenant.incidentId).toBeNull();

    const [inc] = await h.db.select().from(incidents).where(eq(incidents.id, incidentId));
    expect(inc!.latestEventTime.toISOString()).toBe(at(20));
  });
});

describe("heartbeat", () => {
  const beat = (body: string, key: string | null = keys.csA ?? null) =>
    handleHeartbeat(
      new Request("http://test/api/ingest/heartbeat", {
        method: "POST",
        body,
        headers: { "content-type": "application/json", ...(key ? { authorization: `Bearer ${key}` } : {}) },
      }),
    );

  it("records a heartbeat with or without a body", async () => {
    expect((await beat("")).status).toBe(202);
    expect((await beat(JSON.stringify({ version: "7.14.1", eps: "120.5", hostCount: 340 }))).status).toBe(202);
    const [s] = await h.db.select().from(sensors).where(eq(sensors.id, csSensorA));
    expect(s).toMatchObject({ agentVersion: "7.14.1", eventsPerSecond: 120.5, hostCount: 340 });
    expect(s!.lastHeartbeatAt).toBeInstanceOf(Date);
  });

  it("refuses bad input and missing keys", async () => {
    expect((await beat(JSON.stringify({ hostCount: -1 }))).status).toBe(422);
    expect((await beat("{nope")).status).toBe(400);
    expect((await beat("", null)).status).toBe(401);
  });
});
