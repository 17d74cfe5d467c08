import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db";
import { apiKeys } from "@/db/schema";
import { escalate } from "@/server/alerts/service";
import { createSensor, revokeKeys } from "@/server/sensors/service";
import { mintTenantId, systemContext } from "@/server/tenancy/tenant";
import { closeTestDatabase, createTestDatabase } from "@/server/testing/db";
import { createWorld } from "@/server/testing/factories";
import { refreshIntakeKeys } from "./auth";
import { handleIngest } from "./http";
import { apiDetection } from "./normalize/fixtures/crowdstrike";
import { detectionFinding, networkActivity } from "./normalize/fixtures/ocsf";
import { suricataAlert } from "./normalize/fixtures/suricata";

/** The contract's rules found by replaying vendor payloads, each over the HTTP handler. */
let h: DatabaseHandle;
let w: Awaited<ReturnType<typeof createWorld>>;
const keys: Record<string, string> = {};

beforeAll(async () => {
  h = await createTestDatabase();
  w = await createWorld(h.db);
  const ctx = { ...systemContext(h.db, "test"), tenant: mintTenantId(w.a.customer.id) };
  for (const sourceFormat of ["crowdstrike", "ocsf", "suricata"] as const) {
    const r = await createSensor(ctx, {
      name: sourceFormat,
      sensorClass: "edr",
      vendor: "v",
      product: "p",
      sourceFormat,
      site: null,
    });
    keys[sourceFormat] = r.apiKey;
  }
});
afterAll(closeTestDatabase);

function post(source: string, body: string, key: string | null = keys[source]!) {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (key !== null) headers.authorization = `Bearer ${key}`;
  return handleIngest(new Request(`http://test/api/ingest/${source}`, { method: "POST", body, headers }), source);
}
const send = async (source: string, value: unknown) => {
  const res = await post(source, JSON.stringify(value));
  return { status: res.status, body: await res.json() };
};
let n = 0;
const t0 = Date.now() - 3 * 3600_000;
const at = (min: number) => new Date(t0 + min * 60_000);

describe("intake contract: keys", () => {
  it("answers missing_key without the header and invalid_key for a key nobody issued", async () => {
    const missing = await post("crowdstrike", JSON.stringify(apiDetection()), null);
    expect(missing.status).toBe(401);
    expect((await missing.json()).error.code).toBe("missing_key");
    const unknown = await post(
      "crowdstrike",
      JSON.stringify(apiDetection()),
      "wk_nothere_0000000000000000000000000000",
    );
    expect(unknown.status).toBe(401);
    expect((await unknown.json()).error.code).toBe("invalid_key");
  });
});

describe("intake contract: revocation with cached keys", () => {
  it("refuses a key at once after it is revoked on this instance, though it was cached", async () => {
    const ctx = { ...systemContext(h.db, "test"), tenant: mintTenantId(w.a.customer.id) };
    const s = await createSensor(ctx, {
      name: "soon revoked",
      sensorClass: "edr",
      vendor: "v",
      product: "p",
      sourceFormat: "crowdstrike",
      site: null,
    });
    const ok = await post(
      "crowdstrike",
      JSON.stringify({ ...apiDetection(), composite_id: `cid:rev:${++n}` }),
      s.apiKey,
    );
    expect(ok.status).toBe(202);
    await revokeKeys(ctx, s.sensor.id);
    const after = await post(
      "crowdstrike",
      JSON.stringify({ ...apiDetection(), composite_id: `cid:rev:${++n}` }),
      s.apiKey,
    );
    expect(after.status).toBe(401);
    expect((await after.json()).error.code).toBe("revoked_key");
  });
});

describe("intake contract: cached keys re-read together", () => {
  it("a key revoked or deleted by another instance is refused after the background re-read", async () => {
    const ctx = { ...systemContext(h.db, "test"), tenant: mintTenantId(w.a.customer.id) };
    const make = (name: string) =>
      createSensor(ctx, {
        name,
        sensorClass: "edr",
        vendor: "v",
        product: "p",
        sourceFormat: "crowdstrike",
        site: null,
      });
    const [revoked, deleted, kept] = [await make("elsewhere revoked"), await make("deleted"), await make("kept")];
    for (const s of [revoked, deleted, kept]) {
      const ok = await post(
        "crowdstrike",
        JSON.stringify({ ...apiDetection(), composite_id: `cid:rr:${++n}` }),
        s.apiKey,
      );
      expect(ok.status).toBe(202);
    }
    // Another instance's change: the database only, this instance's cache not told.
    await h.db.update(apiKeys).set({ revokedAt: new Date() }).where(eq(apiKeys.sensorId, revoked.sensor.id));
    await h.db.delete(apiKeys).where(eq(apiKeys.sensorId, deleted.sensor.id));
    await refreshIntakeKeys();
    const codes = [];
    for (const s of [revoked, deleted, kept]) {
      const r = await post(
        "crowdstrike",
        JSON.stringify({ ...apiDetection(), composite_id: `cid:rr:${++n}` }),
        s.apiKey,
      );
      codes.push(r.status === 202 ? "ok" : (await r.json()).error.code);
    }
    expect(codes).toEqual(["revoked_key", "invalid_key", "ok"]);
  });
});

describe("intake contract: OCSF Network Activity raised as an alert", () => {
  const ndr = (over: Record<string, unknown> = {}) => {
    const { metadata, ...rest } = networkActivity();
    const { uid: _uid, ...meta } = metadata;
    return { ...rest, metadata: meta, time: at(0).getTime(), ...over };
  };

  it("is an alert with is_alert, a disposition or attacks, keyed by what it carries", async () => {
    const flagged = await send("ocsf", ndr({ is_alert: true }));
    expect(flagged.status).toBe(202);
    expect(flagged.body.status).toBe("created");
    const disposed = await send("ocsf", ndr({ disposition_id: 2, src_endpoint: { ip: "10.40.12.161", port: 1 } }));
    expect(disposed.body.status).toBe("created");
    const attacked = await send(
      "ocsf",
      ndr({ attacks: [{ technique: { uid: "T1046" } }], src_endpoint: { ip: "10.40.12.162", port: 2 } }),
    );
    expect(attacked.body).toMatchObject({ status: "created", techniques: ["T1046"] });
    expect(new Set([flagged.body.alertId, disposed.body.alertId, attacked.body.alertId]).size).toBe(3);
    const telemetry = await send("ocsf", ndr());
    expect(telemetry.body.status).toBe("ignored");
  });

  it("is the same alert when re-sent re-ordered and re-indented", async () => {
    const alert = ndr({ is_alert: true, time: at(5).getTime(), firewall_rule: { uid: "fw-9" } });
    const first = await send("ocsf", alert);
    expect(first.body.status).toBe("created");
    const again = await post("ocsf", JSON.stringify(Object.fromEntries(Object.entries(alert).reverse()), null, 2));
    expect(await again.json()).toMatchObject({ status: "updated", alertId: first.body.alertId });
  });
});

describe("intake contract: wrong JSON types", () => {
  it("answers 422 naming the field for a number where an enumeration string belongs", async () => {
    const cs = await send("crowdstrike", { ...apiDetection(), composite_id: `cid:type:${++n}`, severity_name: 4 });
    expect(cs.status).toBe(422);
    expect(cs.body.error).toMatchObject({ code: "wrong_type", path: "severity_name" });
    const ocsf = await send("ocsf", { ...detectionFinding(), severity: 4 });
    expect(ocsf.status).toBe(422);
    expect(ocsf.body.error).toMatchObject({ code: "wrong_type", path: "severity" });
  });

  it("answers 422 for ISO text where OCSF time is an integer epoch", async () => {
    const res = await send("ocsf", { ...detectionFinding(), time: "2026-03-14T17:30:00Z" });
    expect(res.status).toBe(422);
    expect(res.body.error).toMatchObject({ code: "wrong_type", path: "time" });
    const numeric = await send("ocsf", {
      ...detectionFinding(),
      time: "1773509400123",
      finding_info: { ...detectionFinding().finding_info, uid: `numeric-${++n}` },
    });
    expect(numeric.status).toBe(202);
  });
});

describe("intake contract: ATT&CK", () => {
  it("gives a sub-technique alone as itself, without its parent", async () => {
    const cs = await send("crowdstrike", {
      ...apiDetection(),
      composite_id: `cid:sub:${++n}`,
      technique_id: "T1003.001",
      mitre_attack: [{ tactic_id: "TA0006", technique_id: "T1003.001" }],
      timestamp: at(0).toISOString(),
    });
    expect(cs.body.techniques).toEqual(["T1003.001"]);
    const finding = detectionFinding();
    const ocsf = await send("ocsf", {
      ...finding,
      finding_info: { ...finding.finding_info, uid: `sub-${++n}`, attacks: [{ sub_technique: { uid: "T1003.001" } }] },
    });
    expect(ocsf.body.techniques).toEqual(["T1003.001"]);
  });
});

describe("intake contract: correlation by host address and attacker address", () => {
  const endpoint = (host: string, ip: string, min: number, remote?: string) => ({
    ...apiDetection(),
    composite_id: `cid:corr:${++n}`,
    device: { ...apiDetection().device, hostname: host, device_id: `dev-${host}`, local_ip: ip },
    user_name: `ACME\\user-${n}`,
    timestamp: at(min).toISOString(),
    ...(remote
      ? { network_accesses: [{ local_address: ip, remote_address: remote, remote_port: "443", protocol: "TCP" }] }
      : {}),
  });
  const network = (src: string, dst: string, min: number) => ({
    ...suricataAlert(),
    flow_id: 1_000_000 + ++n,
    src_ip: src,
    dest_ip: dst,
    timestamp: at(min).toISOString(),
  });

  it("joins a network alert whose source is the address an endpoint alert reported for the host", async () => {
    const first = await send("crowdstrike", endpoint("ip-ws-1", "10.66.0.7", 0));
    const { incidentId } = await escalate(systemContext(h.db, "analyst"), [first.body.alertId]);
    const joined = await send("suricata", network("10.66.0.7", "10.66.9.9", 10));
    expect(joined.body.incidentId).toBe(incidentId);
    const stranger = await send("suricata", network("10.66.0.8", "10.66.9.9", 11));
    expect(stranger.body.incidentId).toBeNull();
    // A bare address shared by two network alerts is not an identity of its own.
    const other = await send("suricata", network("10.66.0.8", "10.66.9.10", 12));
    expect(other.body.incidentId).toBeNull();
  });

  it("joins by the external attacker address", async () => {
    const first = await send("crowdstrike", endpoint("ext-ws-1", "10.67.0.7", 0, "203.0.113.77"));
    const { incidentId } = await escalate(systemContext(h.db, "analyst"), [first.body.alertId]);
    const joined = await send("suricata", network("203.0.113.77", "10.67.5.5", 15));
    expect(joined.body.incidentId).toBe(incidentId);
    const elsewhere = await send("suricata", network("203.0.113.78", "10.67.5.6", 15));
    expect(elsewhere.body.incidentId).toBeNull();
  });
});
