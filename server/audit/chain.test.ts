import { describe, expect, it } from "vitest";
import {
  type AuditContent,
  CHAIN_START,
  type ChainedRow,
  canonicalJson,
  checkpointSigned,
  findBreak,
  GENESIS_HASH,
  hashEntry,
  hmacEntry,
  signCheckpoint,
} from "./chain";

const KEY = "k".repeat(40);

/** A keyed chain numbered from `firstSeq`, optionally after `legacy` unkeyed entries (as before migration 0009). */
function chain(contents: AuditContent[], opts: { legacy?: number; key?: string } = {}): ChainedRow[] {
  let prev = GENESIS_HASH;
  return contents.map((c, i) => {
    const seq = i + 1;
    const legacy = i < (opts.legacy ?? 0);
    const hash = legacy ? hashEntry(prev, c) : hmacEntry(opts.key ?? KEY, prev, seq, c);
    const row: ChainedRow = { ...c, seq, prevHash: prev, hash, chain: legacy ? "sha256" : "hmac-sha256" };
    prev = hash;
    return row;
  });
}

const entry = (action: string, summary: Record<string, unknown> = {}): AuditContent => ({
  at: new Date("2026-11-01T10:00:00.123Z"),
  actorType: "user",
  actorId: "u1",
  actorLabel: "Ada <ada@example.com>",
  customerId: null,
  action,
  targetType: "customer",
  targetId: "c1",
  summary,
});

describe("canonicalJson", () => {
  it("does not depend on key order", () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: null } })).toBe(
      canonicalJson({ a: { c: null, d: [1, { x: 1, y: 2 }] }, b: 1 }),
    );
  });
  it("drops undefined like JSON does", () => {
    expect(canonicalJson({ a: undefined, b: 2 })).toBe('{"b":2}');
  });
});

describe("keyed audit chain", () => {
  const rows = chain([entry("customer.create", { after: { name: "Acme" } }), entry("customer.update"), entry("x")]);

  it("accepts an intact chain", () => {
    expect(findBreak(rows, CHAIN_START, KEY)).toEqual({
      brokenAt: null,
      at: { hash: rows[2]!.hash, seq: 3, keyed: true },
    });
  });

  it("names an edited row", () => {
    const edited = rows.map((r) => (r.seq === 2 ? { ...r, action: "customer.delete" } : r));
    expect(findBreak(edited, CHAIN_START, KEY).brokenAt).toEqual({ seq: 2, reason: "content" });
  });

  it("names an edited row whose hash and every later hash were recomputed without the key", () => {
    const contents = rows.map((r, i) => (i === 1 ? { ...r, action: "customer.delete" } : r));
    // The forger knows the algorithm but not the key: an unkeyed recomputation, and one with a guessed key.
    expect(findBreak(chain(contents, { key: "guess".repeat(8) }), CHAIN_START, KEY).brokenAt).toEqual({
      seq: 1,
      reason: "content",
    });
    const unkeyed = chain(contents, { legacy: 3 }).map((r) => ({ ...r, chain: "hmac-sha256" as const }));
    expect(findBreak(unkeyed, CHAIN_START, KEY).brokenAt?.reason).toBe("content");
  });

  it("names the row after a deleted one", () => {
    const deleted = rows.filter((r) => r.seq !== 2);
    expect(findBreak(deleted, CHAIN_START, KEY).brokenAt).toEqual({ seq: 3, reason: "link" });
  });

  it("names a gap in the numbering even when the links were forged to hold", () => {
    const renumbered = rows.map((r) => (r.seq === 3 ? { ...r, seq: 4 } : r));
    expect(findBreak(renumbered, CHAIN_START, KEY).brokenAt).toEqual({ seq: 4, reason: "gap" });
  });

  it("detects a changed summary value deep inside", () => {
    const edited = rows.map((r) => (r.seq === 1 ? { ...r, summary: { after: { name: "Acme Ltd" } } } : r));
    expect(findBreak(edited, CHAIN_START, KEY).brokenAt?.seq).toBe(1);
  });

  it("detects a rewritten chain that does not start from the stored predecessor", () => {
    expect(findBreak(rows.slice(1), CHAIN_START, KEY).brokenAt).toEqual({ seq: 2, reason: "link" });
  });
});

describe("legacy prefix", () => {
  const rows = chain([entry("a"), entry("b"), entry("c"), entry("d")], { legacy: 2 });

  it("verifies unkeyed entries written before the keyed chain, then the keyed ones", () => {
    expect(findBreak(rows, CHAIN_START, KEY).brokenAt).toBeNull();
  });

  it("still names an edited legacy row", () => {
    const edited = rows.map((r) => (r.seq === 1 ? { ...r, action: "z" } : r));
    expect(findBreak(edited, CHAIN_START, KEY).brokenAt).toEqual({ seq: 1, reason: "content" });
  });

  it("refuses an unkeyed entry after a keyed one (a forger cannot fall back to the old hash)", () => {
    const forged = chain([entry("a"), entry("b"), entry("c")], { legacy: 3 }).map((r) =>
      r.seq === 1 ? { ...r, hash: hmacEntry(KEY, GENESIS_HASH, 1, r), chain: "hmac-sha256" as const } : r,
    );
    forged[1] = { ...forged[1]!, prevHash: forged[0]!.hash, hash: hashEntry(forged[0]!.hash, forged[1]!) };
    expect(findBreak(forged, CHAIN_START, KEY).brokenAt).toEqual({ seq: 2, reason: "content" });
  });
});

describe("checkpoints", () => {
  const cp = signCheckpoint(KEY, { seq: 7, hash: "ab".repeat(32) }, new Date("2026-12-06T00:00:00Z"));

  it("are signed with the key", () => {
    expect(cp.at).toBe("2026-12-06T00:00:00.000Z");
    expect(checkpointSigned(KEY, cp)).toBe(true);
    expect(checkpointSigned("x".repeat(40), cp)).toBe(false);
  });

  it("fail when any field is changed", () => {
    expect(checkpointSigned(KEY, { ...cp, seq: 6 })).toBe(false);
    expect(checkpointSigned(KEY, { ...cp, hash: "cd".repeat(32) })).toBe(false);
    expect(checkpointSigned(KEY, { ...cp, signature: "" })).toBe(false);
  });
});
