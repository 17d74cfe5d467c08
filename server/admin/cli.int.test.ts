import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db";
import { closeTestDatabase, createTestDatabase } from "@/server/testing/db";
import { seedProvider } from "@/server/testing/factories";
import { tamperAuditLog } from "@/server/testing/tamper";
import { runCli } from "./cli";

let h: DatabaseHandle;
beforeAll(async () => {
  h = await createTestDatabase();
  await seedProvider(h.db);
});
afterAll(closeTestDatabase);

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, h.db, {
    out: (l) => out.push(l),
    err: (l) => err.push(l),
    env: { WK_PASSWORD: "first-admin-password" },
  });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

describe("admin CLI", () => {
  it("prints help", async () => {
    const r = await cli("help");
    expect(r.code).toBe(0);
    expect(r.out).toContain("staff:create");
  });

  it("creates the first provider admin, refusing a bad e-mail or a short password", async () => {
    expect((await cli("staff:create", "--email", "not-an-email", "--name", "Ada")).code).toBe(2);
    const short = await cli("staff:create", "--email", "ada@provider.test", "--name", "Ada", "--password", "short");
    expect(short.code).toBe(2);
    expect(short.err).toContain("--password");
    const ok = await cli("staff:create", "--email", "Ada@Provider.test", "--name", "Ada Admin");
    expect(ok.code).toBe(0);
    const again = await cli("staff:create", "--email", "ada@provider.test", "--name", "Ada Admin");
    expect(again.code).toBe(1);
    expect(again.err).toContain("already has an account");
  });

  it("creates and lists customers, with clear errors for bad options", async () => {
    expect(
      (await cli("customer:create", "--name", "Acme Corp", "--slug", "acme", "--timezone", "Europe/Paris")).code,
    ).toBe(0);
    const dup = await cli("customer:create", "--name", "Acme Again", "--slug", "acme");
    expect(dup.code).toBe(1);
    expect(dup.err).toContain("already taken");
    const bad = await cli("customer:create", "--name", "Z", "--slug", "acme2", "--timezone", "Nowhere/Land");
    expect(bad.code).toBe(2);
    expect(bad.err).toContain("--timezone");
    expect((await cli("customer:create", "--nme", "typo")).code).toBe(2);
    const list = await cli("customer:list");
    expect(list.out).toContain("acme");
    expect(list.out).toContain("Europe/Paris");
  });

  it("invites users by customer slug or as staff", async () => {
    const r = await cli("user:invite", "--email", "it@acme.test", "--role", "admin", "--customer", "acme");
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/\/invite\/[A-Za-z0-9_-]{20,}/);
    expect((await cli("user:invite", "--email", "x@acme.test", "--role", "analyst", "--customer", "acme")).code).toBe(
      2,
    );
    expect((await cli("user:invite", "--email", "x@acme.test", "--role", "viewer", "--customer", "nope")).code).toBe(2);
    expect((await cli("user:invite", "--email", "x@acme.test", "--role", "viewer")).code).toBe(2);
    expect((await cli("user:invite", "--email", "s@provider.test", "--role", "analyst", "--staff")).code).toBe(0);
  });

  it("creates a sensor and prints its key on the last line; the key works at the intake", async () => {
    const r = await cli("sensor:create", "--customer", "acme", "--source", "zeek", "--name", "Zeek — HQ uplink");
    expect(r.code).toBe(0);
    const key = r.out.split("\n").at(-1)!;
    expect(key).toMatch(/^wk_[A-Za-z0-9_-]{8}_[A-Za-z0-9_-]{43}$/);
    const { authenticate } = await import("@/server/ingest/service");
    expect((await authenticate(h.db, `Bearer ${key}`, "zeek")).sourceFormat).toBe("zeek");
    expect((await cli("sensor:create", "--customer", "acme", "--source", "splunk", "--name", "X")).code).toBe(2);
    expect((await cli("sensor:create", "--customer", "nope", "--source", "zeek", "--name", "X")).code).toBe(2);
    expect((await cli("sensor:create", "--customer", "acme", "--source", "zeek")).err).toContain("--name");
  });

  it("sets a sensor's heartbeat interval and an xdr sensor's classes", async () => {
    const ok = await cli(
      "sensor:create",
      "--customer",
      "acme",
      "--source",
      "ocsf",
      "--name",
      "XDR",
      "--interval",
      "60",
      "--provides",
      "edr,identity",
    );
    expect(ok.code).toBe(0);
    const xdrOne = await cli(
      "sensor:create",
      "--customer",
      "acme",
      "--source",
      "ocsf",
      "--name",
      "X1",
      "--provides",
      "edr",
    );
    expect(xdrOne.code).toBe(2);
    expect(xdrOne.err).toContain("at least two");
    expect(
      (await cli("sensor:create", "--customer", "acme", "--source", "zeek", "--name", "Z", "--interval", "5")).code,
    ).toBe(2);
  });

  it("verifies the audit chain and names the row an edit broke", async () => {
    const ok = await cli("audit:verify");
    expect(ok.code).toBe(0);
    expect(ok.out).toMatch(/intact: \d+ entries/);
    await tamperAuditLog(h.db, ["update audit_log set action = 'customer.delete' where seq = 2"]);
    const broken = await cli("audit:verify");
    expect(broken.code).toBe(1);
    expect(broken.err).toContain("entry 2");
    expect(broken.err).toContain("content was changed");
  });

  it("names the row after a deleted one", async () => {
    // Restore nothing: delete rows 1-3 and look at a fresh chain from 4 on.
    await tamperAuditLog(h.db, ["delete from audit_log where seq <= 3"]);
    const r = await cli("audit:verify");
    expect(r.code).toBe(1);
    expect(r.err).toContain("entry 4");
    expect(r.err).toContain("removed");
  });

  it("renders a customer's monthly report to a file, with clear errors for bad options", async () => {
    const out = path.join(os.tmpdir(), `wk-cli-report-${process.pid}.pdf`);
    const bad = await cli("report:render", "--customer", "acme", "--month", "2026-13", "--out", out);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain("--month: Use YYYY-MM");
    expect((await cli("report:render", "--customer", "acme", "--month", "2026-10")).code).toBe(2);
    expect((await cli("report:render", "--month", "2026-10", "--out", out)).code).toBe(2);
    const unknown = await cli("report:render", "--customer", "nope", "--month", "2026-10", "--out", out);
    expect(unknown.code).toBe(1);
    expect(unknown.err).toContain('No customer with the slug "nope"');
    const ok = await cli("report:render", "--customer", "acme", "--month", "2026-10", "--out", out);
    expect(ok.err).toBe("");
    expect(ok.code).toBe(0);
    expect(ok.out).toMatch(/Acme Corp, October 2026\. \d+ pages, \d+ bytes; assembled in \d+ ms, rendered in \d+ ms\./);
    const pdf = fs.readFileSync(out);
    fs.rmSync(out);
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    expect(ok.out).toContain(`${pdf.length} bytes`);
  });

  it("generates and stores reports now, and lists the versions", async () => {
    expect((await cli("report:generate", "--month", "2026-10")).code).toBe(2);
    expect((await cli("report:generate", "--customer", "acme", "--all", "--month", "2026-10")).code).toBe(2);
    expect((await cli("report:generate", "--customer", "acme", "--month", "2099-01")).code).toBe(1);
    const one = await cli("report:generate", "--customer", "acme", "--month", "2026-10");
    expect(one.out).toContain("Generated 1 report for 2026-10.");
    expect(one.code).toBe(0);
    const list = await cli("report:list", "--customer", "acme");
    expect(list.out).toMatch(/^[0-9a-f-]{36} {2}2026-10 {2}v1 {2}\d+ pages {2}\d+ bytes {2}manual/);
    expect((await cli("report:list", "--customer", "nope")).code).toBe(1);
  });

  it("rejects an unknown command", async () => {
    const r = await cli("frobnicate");
    expect(r.code).toBe(2);
    expect(r.err).toContain("Unknown command");
  });
});
