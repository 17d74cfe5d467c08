import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DatabaseHandle, openPglite, openPostgres, rowsOf } from "@/db";
import { verifyAuditChain } from "@/server/audit/service";
import { createCustomer } from "@/server/customers/service";
import { env } from "@/server/env";
import { systemContext } from "@/server/tenancy/tenant";
import { closeTestDatabase, createTestDatabase } from "@/server/testing/db";
import { createCustomerUser, createStaffUser, seedProvider } from "@/server/testing/factories";
import {
  BackupError,
  backupPglite,
  backupPostgres,
  kindOfFile,
  restorePglite,
  restorePostgres,
  rowCounts,
} from "./backup";

let h: DatabaseHandle;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "wk-backup-"));

beforeAll(async () => {
  h = await createTestDatabase();
  await seedProvider(h.db);
  await createStaffUser(h.db, "admin");
  const ctx = systemContext(h.db, "backup test");
  for (const name of ["Fjord Freight", "Kestrel Bank", "Müller & Zoë GmbH"]) {
    const c = await createCustomer(ctx, {
      name,
      slug: name.toLowerCase().replace(/[^a-z]+/g, "-"),
      industry: "Retail",
      country: "DE",
      timezone: "Europe/Berlin",
    });
    await createCustomerUser(h.db, c.id, "admin");
  }
});
afterAll(async () => {
  await closeTestDatabase();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe("backup and restore round trip", () => {
  it("restores every row and an intact audit chain into an empty database", async () => {
    const before = await rowCounts(h.db);
    expect(before.customers).toBe(3);
    expect(before.audit_log).toBeGreaterThanOrEqual(3);
    const file = path.join(tmp, "backup.bin");

    if (h.kind === "pglite") {
      await backupPglite(h.pglite!, file);
      expect(kindOfFile(file)).toBe("pglite");
      const dir = path.join(tmp, "restored");
      await restorePglite(dir, file);
      const restored = openPglite(dir);
      try {
        expect(await rowCounts(restored.db)).toEqual(before);
        expect(await verifyAuditChain(restored.db)).toMatchObject({ ok: true, checked: before.audit_log });
      } finally {
        await restored.close();
      }
      // A second restore into the now non-empty folder is refused and leaves it as it was.
      await expect(restorePglite(dir, file)).rejects.toBeInstanceOf(BackupError);
      return;
    }

    const url = new URL(env.DATABASE_URL!);
    const [{ name }] = rowsOf<{ name: string }>(await h.db.execute(sql`select current_database() as name`)) as [
      { name: string },
    ];
    url.pathname = `/${name}`;
    await backupPostgres(url.toString(), file);
    expect(kindOfFile(file)).toBe("postgres");
    const target = `${name}_restore`.slice(0, 60);
    const admin = postgres(env.DATABASE_URL!, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${target}`);
    const targetUrl = new URL(env.DATABASE_URL!);
    targetUrl.pathname = `/${target}`;
    const restored = openPostgres(targetUrl.toString(), 1);
    try {
      await restorePostgres(targetUrl.toString(), file, restored.db);
      expect(await rowCounts(restored.db)).toEqual(before);
      expect(await verifyAuditChain(restored.db)).toMatchObject({ ok: true, checked: before.audit_log });
      // Restoring again into the now non-empty database is refused.
      await expect(restorePostgres(targetUrl.toString(), file, restored.db)).rejects.toBeInstanceOf(BackupError);
    } finally {
      await restored.close();
      await admin.unsafe(`drop database if exists ${target} with (force)`);
      await admin.end();
    }
  });

  it("refuses a file that is not a backup", () => {
    const junk = path.join(tmp, "junk.txt");
    fs.writeFileSync(junk, "hello");
    expect(() => kindOfFile(junk)).toThrow(/not a Watchkeeper backup/);
  });
});
