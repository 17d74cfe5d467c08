import fs from "node:fs";
import path from "node:path";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import type { DatabaseHandle } from "@/db";
import { actorOf } from "@/server/audit/service";
import { handleHeartbeat, handleIngest } from "@/server/ingest/http";
import { reportDownload } from "@/server/reports/http";
import { generateReport } from "@/server/reports/service";
import { systemContext } from "@/server/tenancy/tenant";
import { closeTestDatabase, createTestDatabase } from "@/server/testing/db";
import {
  callerAs,
  createCustomerUser,
  createStaffUser,
  createWorld,
  insertTestAlert,
  type TestUser,
} from "@/server/testing/factories";
import type { TRPCContext } from "@/server/trpc/init";
import { appRouter } from "@/server/trpc/root";
import { accessMatrix, type MatrixIds, type Outcome, ROLES, restRoutes } from "./access-matrix";

let h: DatabaseHandle;
let w: Awaited<ReturnType<typeof createWorld>>;
const ids: { a?: MatrixIds; b?: MatrixIds } = {};
const keys: { a?: string; b?: string } = {};
let seq = 0;
const uniq = () => `${Date.now().toString(36)}${++seq}`;

/** One customer's rows for the matrix, made through the real procedures. */
async function fixture(t: "a" | "b"): Promise<MatrixIds> {
  const db = h.db;
  const c = w[t].customer;
  const admin = callerAs(db, w.staff.admin);
  const alert = await insertTestAlert(db, c.id, { host: `${t}-host` });
  const { incidentId } = await admin.alerts.escalate({ alertIds: [alert.id] });
  await admin.incidents.openToCustomer({ incidentId, message: "Opened for the matrix" });
  const free = await insertTestAlert(db, c.id);
  const sensor = await admin.sensors.create({
    customerId: c.id,
    sensor: { name: `Matrix ${t}`, sensorClass: "edr", vendor: "V", product: "P", sourceFormat: "crowdstrike" },
  });
  const { defaultTerms } = await import("@/server/contracts/service");
  const contract = await admin.contracts.create({
    customerId: c.id,
    reference: `MX-${t}`,
    terms: defaultTerms("mdr", "Europe/Berlin", "2026-01-01"),
    effectiveFrom: new Date("2026-01-01T00:00:00Z"),
  });
  const intake = await admin.sensors.create({
    customerId: c.id,
    sensor: { name: `Intake ${t}`, sensorClass: "edr", vendor: "V", product: "P", sourceFormat: "crowdstrike" },
  });
  keys[t] = intake.apiKey;
  const report = await generateReport(db, c.tenant, "2026-10", {
    trigger: "manual",
    actor: actorOf(systemContext(db, "matrix")),
    send: false,
  });
  const action = await admin.incidents.requestAction({ incidentId, kind: "other", target: "Matrix", reason: "Matrix" });
  const task = await admin.incidents.addTask({ incidentId, title: "Matrix" });
  const obs = await admin.incidents.addObservable({ incidentId, kind: "hash", value: `${t}abc`, isIoc: false });
  return {
    customerId: c.id,
    slug: c.slug,
    incidentId,
    alertId: free.id,
    sensorId: sensor.sensor.id,
    contractId: (contract as { contract: { id: string } }).contract.id,
    reportId: report.id,
    actionId: action.id,
    taskId: task.id,
    observableId: obs.id,
    freshContact: async () => {
      const email = `matrix.${uniq()}@c.test`;
      const contact = {
        name: "Matrix",
        email,
        phone: null,
        role: null,
        severities: [],
        channels: [],
        receivesReports: false,
      };
      return (await admin.customers.addContact({ customerId: c.id, contact })).id;
    },
    freshTechnique: async () => {
      await admin.incidents.addTechnique({ incidentId, techniqueId: "T1003" }).catch(() => undefined);
      return "T1003";
    },
    freshUser: async () => (await createCustomerUser(db, c.id, "viewer")).id,
    freshInvitation: async () =>
      (await admin.customerUsers.invite({ customerId: c.id, email: `fresh.${uniq()}@inv.test`, role: "viewer" })).id,
    freshStaff: async () => (await createStaffUser(db, "analyst")).id,
    freshStaffInvitation: async () =>
      (await admin.staff.invite({ email: `fresh.${uniq()}@staff.test`, role: "analyst" })).id,
    bannerId: "00000000-0000-4000-8000-00000000beef",
    uniq,
  };
}

beforeAll(async () => {
  h = await createTestDatabase();
  w = await createWorld(h.db);
  ids.a = await fixture("a");
  ids.b = await fixture("b");
}, 120_000);
afterAll(closeTestDatabase);

const callers = () => [null, w.a.viewer, w.a.admin, w.staff.analyst, w.staff.manager, w.staff.admin];

/** What one call came to, in the matrix's words; anything else ("input", "500") is a failure of its own. */
async function outcomeOf(call: () => Promise<unknown>): Promise<Outcome | string> {
  try {
    await call();
    return "ok";
  } catch (e) {
    if (!(e instanceof TRPCError)) return `threw ${String(e)}`;
    if (e.code === "UNAUTHORIZED") return "U";
    if (e.code === "FORBIDDEN") return "F";
    if (e.code === "NOT_FOUND") return "NF";
    if (e.cause instanceof z.ZodError) return `input (${e.message})`;
    if (e.code === "INTERNAL_SERVER_ERROR") return `500 (${e.message})`;
    return "ok"; // a state error (CONFLICT, an invalid transition): every access check was passed
  }
}

function procedure(caller: unknown, name: string) {
  return name.split(".").reduce((o, k) => (o as Record<string, unknown>)[k], caller) as (
    i?: unknown,
  ) => Promise<unknown>;
}

describe("access matrix", () => {
  const procedures = Object.keys(appRouter._def.procedures).sort();

  it("has a row for every procedure of the app router, and no row for one that is gone", () => {
    const missing = procedures.filter((p) => !accessMatrix[p]);
    const stale = Object.keys(accessMatrix).filter((p) => !procedures.includes(p));
    expect(missing, `add a row to server/security/access-matrix.ts for: ${missing.join(", ")}`).toEqual([]);
    expect(stale, `remove rows of procedures that no longer exist: ${stale.join(", ")}`).toEqual([]);
  });

  it("answers every procedure, for every role, with own and another customer's ids, as the table says", {
    timeout: 300_000,
  }, async () => {
    const mismatches: string[] = [];
    for (const name of procedures) {
      const row = accessMatrix[name];
      if (!row) continue;
      for (const [side, want] of [
        ["own", row.own],
        ["other", row.other],
      ] as const) {
        const x = side === "own" ? ids.a! : ids.b!;
        for (const [i, u] of callers().entries()) {
          const input = row.input ? await row.input(x) : undefined;
          const got = await outcomeOf(() => procedure(callerAs(h.db, u), name)(input));
          if (got !== want[i])
            mismatches.push(`${name} as ${ROLES[i]} with ${side} ids: expected ${want[i]}, got ${got}`);
        }
      }
    }
    expect(mismatches).toEqual([]);
  });

  it("covers every REST route, and the report PDF answers each role as its row says", async () => {
    const api = path.join(import.meta.dirname, "..", "..", "app", "api");
    const routes = (fs.readdirSync(api, { recursive: true }) as string[])
      .filter((f) => f.endsWith("route.ts"))
      .map((f) => `/api/${path.dirname(f).split(path.sep).join("/")}`)
      .filter((r) => !r.startsWith("/api/auth/") && !r.startsWith("/api/trpc/"));
    expect(routes.filter((r) => !restRoutes[r])).toEqual([]);

    const ctx = (u: TestUser | null): TRPCContext => {
      const now = new Date();
      return {
        db: h.db,
        headers: new Headers(),
        session: u
          ? ({
              user: { ...u, emailVerified: true, image: null, createdAt: now, updatedAt: now, twoFactorEnabled: true },
              session: { id: "s", token: "t", userId: u.id, expiresAt: new Date(now.getTime() + 3600_000) },
            } as unknown as TRPCContext["session"])
          : null,
      };
    };
    const status = async (u: TestUser | null, id: string) => (await reportDownload(ctx(u), id, false)).status;
    const own = await Promise.all(callers().map((u) => status(u, ids.a!.reportId)));
    const other = await Promise.all(callers().map((u) => status(u, ids.b!.reportId)));
    expect(own).toEqual([401, 200, 200, 200, 200, 200]);
    expect(other).toEqual([401, 404, 404, 200, 200, 200]);
  });

  it("lets a sensor key into the intake and nothing else", async () => {
    const post = (p: string, key: string | null, body = "{}") =>
      new Request(`http://localhost/api/ingest/${p}`, {
        method: "POST",
        body,
        headers: { "content-type": "application/json", ...(key ? { authorization: `Bearer ${key}` } : {}) },
      });
    expect((await handleHeartbeat(post("heartbeat", keys.a!))).status).toBe(202);
    expect((await handleHeartbeat(post("heartbeat", null))).status).toBe(401);
    expect((await handleIngest(post("crowdstrike", null), "crowdstrike")).status).toBe(401);
    expect(
      (await handleIngest(post("crowdstrike", "wk_forged_0000000000"), "crowdstrike")).status,
    ).toBeGreaterThanOrEqual(401);
    // The CrowdStrike key is refused on another vendor's endpoint.
    expect((await handleIngest(post("suricata", keys.b!), "suricata")).status).toBe(403);
  });
});
