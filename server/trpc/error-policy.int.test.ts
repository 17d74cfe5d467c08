import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { sql } from "drizzle-orm";
import superjson from "superjson";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { DatabaseHandle } from "@/db";
import { closeTestDatabase, createTestDatabase } from "@/server/testing/db";
import { callerAs, createWorld, type TestUser } from "@/server/testing/factories";
import { appRouter } from "./root";

let h: DatabaseHandle;
let w: Awaited<ReturnType<typeof createWorld>>;
beforeAll(async () => {
  h = await createTestDatabase();
  w = await createWorld(h.db);
});
afterAll(closeTestDatabase);

/** A GET through the same fetch adapter as app/api/trpc, signed in as `u`. */
async function httpQuery(u: TestUser, path: string, input: unknown) {
  const now = new Date();
  const session = {
    user: { ...u, emailVerified: true, image: null, createdAt: now, updatedAt: now, twoFactorEnabled: true },
    session: {
      id: "s",
      token: "t",
      userId: u.id,
      expiresAt: new Date(now.getTime() + 3600_000),
      createdAt: now,
      updatedAt: now,
      ipAddress: null,
      userAgent: null,
    },
  };
  const url = `http://localhost/api/trpc/${path}?input=${encodeURIComponent(superjson.stringify(input))}`;
  const res = await fetchRequestHandler({
    endpoint: "/api/trpc",
    req: new Request(url),
    router: appRouter,
    createContext: () => ({ db: h.db, session, headers: new Headers() }),
  });
  const raw = (await res.json()) as { error: { json: { message: string; data: { code: string } } } };
  return { status: res.status, body: { error: raw.error.json } };
}

describe("one error policy", () => {
  it("answers a date in the year −5000 with 400 and a clear message, not a 500 with SQL", async () => {
    const from = new Date("-005000-01-01T00:00:00Z");
    const r = await httpQuery(w.a.viewer, "myAlerts.funnel", { from, to: new Date("2026-01-01T00:00:00Z") });
    expect(r.status).toBe(400);
    expect(r.body.error.message).toBe("Use a date between the years 2000 and 2100 (from)");
    expect(JSON.stringify(r.body)).not.toMatch(/select|where|customer_id/i);
    await expect(
      callerAs(h.db, w.staff.manager).audit.list({ from: new Date("2101-06-01T00:00:00Z") }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("answers an unknown task owner with a domain error, not a foreign-key violation", async () => {
    const { insertTestAlert } = await import("@/server/testing/factories");
    const alert = await insertTestAlert(h.db, w.a.customer.id);
    const { incidentId } = await callerAs(h.db, w.staff.analyst).alerts.escalate({ alertIds: [alert.id] });
    await expect(
      callerAs(h.db, w.staff.analyst).incidents.addTask({ incidentId, title: "Image disk", ownerId: "u_unknown" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: "Tasks can only be assigned to provider staff." });
  });

  it("turns any other failure into 'Something went wrong (reference …)', and the log holds the reference and the cause", async () => {
    const lines: string[] = [];
    const spy = vi.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array) => {
      lines.push(String(chunk));
      return true;
    });
    try {
      // Break the database under a working procedure: its query fails with PostgreSQL's own message and the SQL.
      await h.db.execute(sql`alter table sensors rename to sensors_gone`);
      const r = await httpQuery(w.a.viewer, "mySensors.list", undefined);
      expect(r.status).toBe(500);
      expect(r.body.error.message).toMatch(/^Something went wrong \(reference [0-9a-f]{12}\)\.$/);
      expect(JSON.stringify(r.body)).not.toMatch(/select|sensors|relation|customer_id/i);
      const ref = r.body.error.message.match(/reference ([0-9a-f]+)/)![1]!;
      const entry = lines.map((l) => JSON.parse(l) as Record<string, unknown>).find((e) => e.ref === ref);
      expect(entry).toMatchObject({ level: 50, msg: "internal error", path: "mySensors.list" });
      expect(JSON.stringify(entry)).toMatch(/sensors/);

      // Server-side callers (pages, the PDF route) see the same generic message.
      await expect(callerAs(h.db, w.a.viewer).mySensors.list()).rejects.toMatchObject({
        code: "INTERNAL_SERVER_ERROR",
        message: expect.stringMatching(/^Something went wrong \(reference [0-9a-f]+\)\.$/),
      });
    } finally {
      spy.mockRestore();
      await h.db.execute(sql`alter table sensors_gone rename to sensors`);
    }
  });
});
