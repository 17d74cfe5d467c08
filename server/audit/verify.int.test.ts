import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type DatabaseHandle, rowsOf } from "@/db";
import { auditLog, emailOutbox } from "@/db/schema";
import { closeTestDatabase, createTestDatabase } from "@/server/testing/db";
import { callerAs, createWorld } from "@/server/testing/factories";
import { tamperAuditLog } from "@/server/testing/tamper";
import { GENESIS_HASH, hashEntry } from "./chain";
import { writeAuditCheckpoint } from "./checkpoint";
import { recordAudit, systemActor, verifyAuditChain } from "./service";

/**
 * Tamper cases against a real database. The attacker has the database (owner or superuser: the trigger is
 * bypassed) but not AUDIT_HMAC_KEY, and cannot reach the checkpoint folder.
 */
let h: DatabaseHandle;
let w: Awaited<ReturnType<typeof createWorld>>;
let dir: string;
beforeAll(async () => {
  h = await createTestDatabase();
  w = await createWorld(h.db);
});
afterAll(closeTestDatabase);

const verify = () => verifyAuditChain(h.db, { checkpointDir: dir });
const entries = async (n: number) => {
  for (let i = 0; i < n; i++)
    await recordAudit(h.db, { ...systemActor("test"), action: `test.${i}`, targetType: "test", summary: { i } });
};
const seqs = async () =>
  rowsOf<{ seq: string }>(await h.db.execute(sql`select seq from audit_log order by seq`)).map((r) => Number(r.seq));

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "wk-audit-verify-"));
  // A fresh, intact log for each case: wipe it as the owner with the trigger bypassed.
  await tamperAuditLog(h.db, ["delete from audit_log"]);
  await entries(6);
});

describe("audit:verify", () => {
  it("numbers entries 1, 2, 3… without holes, keyed, including entries written in a customer's scope", async () => {
    // A customer's scope cannot see the other entries; it still chains onto the newest one (wk_audit_head()).
    await callerAs(h.db, w.a.admin).organisation.addContact({
      contact: {
        name: "Dana Ops",
        email: "dana@alpha.test",
        phone: "+49 30 1234",
        role: "CISO",
        severities: ["critical"],
        channels: ["email"],
        receivesReports: false,
      },
    });
    const rows = await h.db.select().from(auditLog).orderBy(auditLog.seq);
    expect(rows.at(-1)).toMatchObject({ customerId: w.a.customer.id, prevHash: rows.at(-2)!.hash });
    expect(rows.every((r) => r.chain === "hmac-sha256")).toBe(true);
    const s = await seqs();
    expect(s).toEqual(s.map((_, i) => s[0]! + i));
    expect(await verify()).toEqual({ ok: true, checked: 7, checkpoint: null });
  });

  it("checks the chain against the latest signed checkpoint, written to a file and e-mailed to the admins", async () => {
    const cp = await writeAuditCheckpoint(h.db, new Date("2026-12-06T00:00:00Z"), { dir });
    expect(cp?.seq).toBe((await seqs()).at(-1));
    const lines = fs.readFileSync(path.join(dir, "audit-checkpoints.jsonl"), "utf8").trim().split("\n");
    expect(JSON.parse(lines.at(-1)!)).toEqual(cp);
    const mail = await h.db.select().from(emailOutbox);
    expect(mail.filter((m) => m.template === "audit-checkpoint").map((m) => m.to)).toEqual([w.staff.admin.email]);
    await entries(2);
    expect(await verify()).toMatchObject({ ok: true, checked: 8, checkpoint: { seq: cp!.seq } });
  });

  it("reports deleting the newest rows once a checkpoint named them", async () => {
    await entries(2);
    const cp = await writeAuditCheckpoint(h.db, new Date(), { dir });
    await tamperAuditLog(h.db, [`delete from audit_log where seq >= ${cp!.seq - 2}`]);
    expect(await verify()).toMatchObject({ ok: false, seq: cp!.seq, reason: "truncated" });
  });

  it("reports an edited row whose hash and every later hash were recomputed without the key", async () => {
    const all = await h.db.select().from(auditLog).orderBy(auditLog.seq);
    const target = all[2]!;
    // Recompute from the edited row on with the (public) algorithm but without the key.
    let prev = target.prevHash;
    const updates: string[] = [];
    for (const r of all.slice(2)) {
      const edited = r.seq === target.seq ? { ...r, action: "customer.delete" } : r;
      const hash = hashEntry(prev, edited);
      updates.push(
        `update audit_log set action = '${edited.action}', prev_hash = '${prev}', hash = '${hash}' where seq = ${r.seq}`,
      );
      prev = hash;
    }
    await tamperAuditLog(h.db, updates);
    expect(await verify()).toMatchObject({ ok: false, seq: target.seq, reason: "content" });
    // Relabelling the rows as legacy (unkeyed) entries does not help either.
    await tamperAuditLog(h.db, [`update audit_log set chain = 'sha256' where seq >= ${target.seq}`]);
    expect(await verify()).toMatchObject({ ok: false, seq: target.seq, reason: "content" });
  });

  it("reports a gap in the sequence numbers even when the links were made to hold", async () => {
    const all = await h.db.select().from(auditLog).orderBy(auditLog.seq);
    const [before, gone, after] = [all[1]!, all[2]!, all[3]!];
    await tamperAuditLog(h.db, [
      `delete from audit_log where seq = ${gone.seq}`,
      `update audit_log set prev_hash = '${before.hash}' where seq = ${after.seq}`,
    ]);
    expect(await verify()).toMatchObject({ ok: false, seq: after.seq, reason: "gap" });
  });

  it("reports a forged checkpoint line", async () => {
    await writeAuditCheckpoint(h.db, new Date(), { dir });
    const file = path.join(dir, "audit-checkpoints.jsonl");
    const cp = JSON.parse(fs.readFileSync(file, "utf8").trim());
    fs.appendFileSync(file, `${JSON.stringify({ ...cp, seq: cp.seq - 3 })}\n`);
    expect(await verify()).toMatchObject({ ok: false, reason: "checkpoint" });
  });

  it("still verifies entries written before the keyed chain (legacy SHA-256), anchored by the first keyed one", async () => {
    await tamperAuditLog(h.db, ["delete from audit_log"]);
    const at = new Date("2026-01-01T00:00:00Z");
    const content = {
      at,
      actorType: "system" as const,
      actorId: null,
      actorLabel: "legacy",
      customerId: null,
      action: "legacy.entry",
      targetType: "test",
      targetId: null,
      summary: {},
    };
    const hash = hashEntry(GENESIS_HASH, content);
    await h.db.insert(auditLog).values({ ...content, seq: 40, prevHash: GENESIS_HASH, hash, chain: "sha256" });
    await entries(2);
    expect(await seqs()).toEqual([40, 41, 42]);
    expect(await verify()).toEqual({ ok: true, checked: 3, checkpoint: null });
    await tamperAuditLog(h.db, ["update audit_log set action = 'legacy.edited' where seq = 40"]);
    expect(await verify()).toMatchObject({ ok: false, seq: 40, reason: "content" });
  });
});
