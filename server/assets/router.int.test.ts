import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db";
import { assetSightings, assets } from "@/db/schema";
import { handleHeartbeat, handleIngest } from "@/server/ingest/http";
import { apiDetection } from "@/server/ingest/normalize/fixtures/crowdstrike";
import { createSensor } from "@/server/sensors/service";
import { mintTenantId, systemContext } from "@/server/tenancy/tenant";
import { closeTestDatabase, createTestDatabase } from "@/server/testing/db";
import { callerAs, createWorld } from "@/server/testing/factories";

let h: DatabaseHandle;
let w: Awaited<ReturnType<typeof createWorld>>;
let edrKey = "";
let ndrKey = "";

async function sensor(customerId: string, sensorClass: "edr" | "ndr", sourceFormat: "crowdstrike" | "zeek") {
  const ctx = { ...systemContext(h.db, "test"), tenant: mintTenantId(customerId) };
  const r = await createSensor(ctx, {
    name: `${sensorClass} sensor`,
    sensorClass,
    vendor: "v",
    product: "p",
    sourceFormat,
    site: null,
  });
  return r.apiKey;
}
const post = (path: string, key: string, body: unknown) =>
  new Request(`http://test/api/ingest/${path}`, {
    method: "POST",
    body: JSON.stringify(body),
    headers: { "content-type": "application/json", authorization: `Bearer ${key}` },
  });

beforeAll(async () => {
  h = await createTestDatabase();
  w = await createWorld(h.db);
  edrKey = await sensor(w.a.customer.id, "edr", "crowdstrike");
  ndrKey = await sensor(w.a.customer.id, "ndr", "zeek");
});
afterAll(closeTestDatabase);

describe("assets learned by the intake", () => {
  it("learns the hosts of an alert batch once each, with a sighting per sensor", async () => {
    const alert = (i: number) => ({ ...apiDetection(), composite_id: `a:${i}`, timestamp: new Date().toISOString() });
    const res = await handleIngest(post("crowdstrike", edrKey, [alert(1), alert(2), alert(3)]), "crowdstrike");
    expect(res.status).toBe(200);
    const rows = await h.db.select().from(assets).where(eq(assets.customerId, w.a.customer.id));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ identityKey: "agent:4f2b8e1a9c7d4e6f8a0b2c4d6e8f0a1b", hostname: "fin-ws-0142" });
    const s = await h.db.select().from(assetSightings).where(eq(assetSightings.assetId, rows[0]!.id));
    expect(s).toHaveLength(1);
  });

  it("learns a heartbeat inventory and reports bad items without dropping the heartbeat", async () => {
    const res = await handleHeartbeat(
      post("heartbeat", ndrKey, {
        version: "6.0",
        assets: [
          { hostname: "printer-3", ip: "10.0.0.9" },
          { ip: "10.0.0.10" },
          { fqdn: "dc1.corp.example", os: "Windows Server 2022" },
          { hostname: "FIN-WS-0142" }, // the EDR agent's host, seen on the network: the same asset
        ],
      }),
    );
    expect(res.status).toBe(202);
    const body = await res.json();
    expect(body).toEqual({
      status: "ok",
      assets: { accepted: 3, rejected: [{ index: 1, path: "assets.1", message: "Give agentId, fqdn or hostname." }] },
    });
    const list = await callerAs(h.db, w.a.viewer).myAssets.list({});
    expect(list.total).toBe(3);
    expect(list.rows.find((r) => r.hostname === "printer-3")).toMatchObject({ covered: false, ip: "10.0.0.9" });
    expect(list.rows.find((r) => r.hostname === "fin-ws-0142")).toMatchObject({ covered: true });
  });
});

describe("CSV import", () => {
  it("writes nothing when any row is bad and reports each bad row", async () => {
    const before = (await callerAs(h.db, w.a.admin).myAssets.list({})).total;
    const r = await callerAs(h.db, w.a.admin).myAssets.import({
      csv: "hostname,ip,os,owner,criticality\nnew-1,10.1.1.1,Linux,Ops,high\nnew-2,999.1.1.1,,,\nnew-3,,,,gold\n",
    });
    expect(r).toEqual({
      ok: false,
      truncated: false,
      errors: [
        { row: 3, column: "ip", message: "Not a valid IPv4 or IPv6 address." },
        { row: 4, column: "criticality", message: "Use one of: low, medium, high, crown-jewel." },
      ],
    });
    expect((await callerAs(h.db, w.a.admin).myAssets.list({})).total).toBe(before);
  });

  it("imports a good file: matches known hosts, adds the rest, counts them as seen", async () => {
    const r = await callerAs(h.db, w.a.admin).myAssets.import({
      csv: "hostname,ip,os,owner,criticality\nFIN-WS-0142,10.1.1.2,,Finance,crown-jewel\npay-db-01,10.1.1.3,Ubuntu,Payments,high\n",
    });
    expect(r).toEqual({ ok: true, rows: 2, updated: 1, created: 1 });
    const list = await callerAs(h.db, w.a.viewer).myAssets.list({ criticality: "crown-jewel" });
    expect(list.rows.map((x) => [x.hostname, x.owner, x.agentId !== null])).toEqual([["fin-ws-0142", "Finance", true]]);
    const cov = await callerAs(h.db, w.a.viewer).myAssets.coverage();
    expect(cov).toMatchObject({ known: 4, covered: 1, ratio: 0.25 });
    expect(cov.entitlement.endpoints).toEqual({ used: 1, licensed: null, over: false });
    expect(cov.uncovered.map((u) => u.hostname)[0]).toBe("pay-db-01");
    const uncovered = await callerAs(h.db, w.staff.analyst).assets.list({
      customerId: w.a.customer.id,
      coverage: "uncovered",
    });
    expect(uncovered.total).toBe(3);
  });

  it("lets staff managers import for a customer but not viewers or analysts", async () => {
    const csv = "hostname\nstaff-added\n";
    expect(await callerAs(h.db, w.staff.manager).assets.import({ customerId: w.b.customer.id, csv })).toMatchObject({
      ok: true,
      created: 1,
    });
    await expect(callerAs(h.db, w.a.viewer).myAssets.import({ csv })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      callerAs(h.db, w.staff.analyst).assets.import({ customerId: w.a.customer.id, csv }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(callerAs(h.db, w.a.admin).assets.import({ customerId: w.a.customer.id, csv })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });
});

describe("tenancy", () => {
  it("never shows a customer another customer's assets", async () => {
    const aList = await callerAs(h.db, w.a.admin).myAssets.list({});
    const bList = await callerAs(h.db, w.b.admin).myAssets.list({});
    expect(bList.rows.map((r) => r.hostname)).toEqual(["staff-added"]);
    const aId = aList.rows[0]!.id;
    await expect(callerAs(h.db, w.b.viewer).myAssets.byId({ assetId: aId })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(
      callerAs(h.db, w.staff.admin).assets.byId({ customerId: w.b.customer.id, assetId: aId }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await callerAs(h.db, w.b.viewer).myAssets.coverage()).known).toBe(1);
  });

  it("keeps the staff procedures from customers and the portal ones from staff", async () => {
    await expect(callerAs(h.db, w.a.admin).assets.list({})).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(callerAs(h.db, w.a.admin).assets.coverage({ customerId: w.a.customer.id })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(callerAs(h.db, w.staff.admin).myAssets.list({})).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(callerAs(h.db, null).myAssets.coverage()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });

  it("shows an asset's sensors and detail to staff", async () => {
    const a = (await callerAs(h.db, w.staff.analyst).assets.list({ customerId: w.a.customer.id, q: "fin-ws" }))
      .rows[0]!;
    const d = await callerAs(h.db, w.staff.analyst).assets.byId({ customerId: w.a.customer.id, assetId: a.id });
    expect(d.sightings.map((s) => s.sensorClass).sort()).toEqual(["edr", "ndr"]);
    expect(d).toMatchObject({ covered: true, criticality: "crown-jewel", incidents: [] });
  });
});

describe("EDR coverage by xdr sensors", () => {
  it("counts an xdr sensor's reports as EDR only when it provides edr", async () => {
    const ctx = { ...systemContext(h.db, "test"), tenant: mintTenantId(w.b.customer.id) };
    const xdr = async (name: string, providesClasses: ("edr" | "ndr" | "email" | "identity")[]) =>
      (
        await createSensor(ctx, {
          name,
          sensorClass: "xdr",
          providesClasses,
          vendor: "Palo Alto",
          product: "Cortex XDR",
          sourceFormat: "ocsf",
          site: null,
        })
      ).apiKey;
    const network = await xdr("xdr network and mail", ["ndr", "email"]);
    const endpoint = await xdr("xdr endpoint and identity", ["edr", "identity"]);
    expect(
      (await handleHeartbeat(post("heartbeat", network, { assets: [{ hostname: "xdr-seen-on-net" }] }))).status,
    ).toBe(202);
    expect(
      (await handleHeartbeat(post("heartbeat", endpoint, { assets: [{ hostname: "xdr-agent-host" }] }))).status,
    ).toBe(202);
    const list = await callerAs(h.db, w.b.viewer).myAssets.list({ q: "xdr-" });
    expect(list.rows.map((r) => `${r.hostname} ${r.covered}`).sort()).toEqual([
      "xdr-agent-host true",
      "xdr-seen-on-net false",
    ]);
    const uncovered = await callerAs(h.db, w.b.viewer).myAssets.list({ coverage: "uncovered", q: "xdr-" });
    expect(uncovered.rows.map((r) => r.hostname)).toEqual(["xdr-seen-on-net"]);
    const cov = await callerAs(h.db, w.b.viewer).myAssets.coverage();
    expect(cov.uncovered.map((u) => u.hostname)).toContain("xdr-seen-on-net");
    expect(cov.uncovered.map((u) => u.hostname)).not.toContain("xdr-agent-host");
  });

  it("keeps each asset procedure from the other side", async () => {
    await expect(
      callerAs(h.db, w.a.admin).assets.byId({ customerId: w.a.customer.id, assetId: crypto.randomUUID() }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(callerAs(h.db, w.staff.manager).myAssets.import({ csv: "hostname\nx\n" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(callerAs(h.db, w.staff.admin).myAssets.byId({ assetId: crypto.randomUUID() })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(callerAs(h.db, w.staff.admin).myAssets.coverage()).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
