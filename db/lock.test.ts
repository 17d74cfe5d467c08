import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { customers } from "@/db/schema";
import { migrateDatabase, openPglite } from "./index";
import { acquireDirectoryLock, DatabaseLockedError, lockPathFor } from "./lock";

const dirs: string[] = [];
function tmpDir() {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), "wk-lock-"));
  dirs.push(d);
  return path.join(d, "pglite");
}
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function run(cmd: string[], env: Record<string, string>) {
  return new Promise<{ code: number | null; stderr: string; stdout: string }>((resolve) => {
    const p = spawn(process.execPath, ["--import", "tsx", ...cmd], {
      cwd: path.resolve(import.meta.dirname, ".."),
      env: { ...process.env, ...env, DATABASE_URL: "" },
    });
    let stderr = "";
    let stdout = "";
    p.stderr.on("data", (b) => {
      stderr += b;
    });
    p.stdout.on("data", (b) => {
      stdout += b;
    });
    p.on("close", (code) => resolve({ code, stderr, stdout }));
  });
}

describe("embedded database lock", () => {
  it("refuses a second opener in the same process, naming the folder and the holder", () => {
    const dir = tmpDir();
    const release = acquireDirectoryLock(dir);
    try {
      expect(() => acquireDirectoryLock(dir)).toThrowError(DatabaseLockedError);
      try {
        acquireDirectoryLock(dir);
      } catch (e) {
        expect((e as Error).message).toContain(path.resolve(dir));
        expect((e as Error).message).toContain(`process ${process.pid}`);
      }
    } finally {
      release();
    }
    expect(fs.existsSync(lockPathFor(dir))).toBe(false);
    acquireDirectoryLock(dir)();
  });

  it("takes over a lock whose holder is gone", () => {
    const dir = tmpDir();
    fs.mkdirSync(path.dirname(dir), { recursive: true });
    fs.writeFileSync(
      lockPathFor(dir),
      JSON.stringify({ pid: 2_147_483_000, host: os.hostname(), command: "old", since: "2026-01-01T00:00:00Z" }),
    );
    const release = acquireDirectoryLock(dir);
    expect(JSON.parse(fs.readFileSync(lockPathFor(dir), "utf8")).pid).toBe(process.pid);
    release();
  });

  it("makes a second process fail at once with a clear message while the first keeps all its data", async () => {
    const dir = tmpDir();
    const first = openPglite(dir);
    await migrateDatabase(first);
    const row = (i: number) => ({
      name: `Lock test ${i}`,
      slug: `lock-${i}`,
      industry: "Retail",
      country: "DE",
      timezone: "UTC",
    });
    for (let i = 0; i < 50; i++) await first.db.insert(customers).values(row(i));

    const second = await run(["scripts/admin.ts", "customer:list"], { PGLITE_DIR: dir });
    expect(second.code).toBe(3);
    expect(second.stderr).toContain(path.resolve(dir));
    expect(second.stderr).toContain(`process ${process.pid}`);

    const seed = await run(["db/seed/index.ts"], { PGLITE_DIR: dir });
    expect(seed.code).toBe(1);
    expect(seed.stderr).toContain("in use by");

    for (let i = 50; i < 100; i++) await first.db.insert(customers).values(row(i));
    await first.close();

    const reopened = openPglite(dir);
    try {
      const rows = await reopened.db.select({ slug: customers.slug }).from(customers);
      expect(rows).toHaveLength(100);
    } finally {
      await reopened.close();
    }
  }, 60_000);
});
