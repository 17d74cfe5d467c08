import { describe, expect, it } from "vitest";
import { type AuditContent, type ChainedRow, canonicalJson, findBreak, GENESIS_HASH, hashEntry } from "./chain";

function chain(contents: AuditContent[]): ChainedRow[] {
  let prev = GENESIS_HASH;
  return contents.map((c, i) => {
    const hash = hashEntry(prev, c);
    const row = { ...c, seq: i + 1, prevHash: prev, hash };
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

describe("audit chain", () => {
  const rows = chain([
    entry("customer.create", { after: { name: "Acme" } }),
    entry("customer.update"),
    entry("user.invite"),
  ]);

  it("accepts an intact chain", () => {
    expect(findBreak(rows, GENESIS_HASH)).toEqual({ brokenAt: null, lastHash: rows[2]!.hash });
  });

  it("names an edited row", () => {
    const edited = rows.map((r) => (r.seq === 2 ? { ...r, action: "customer.delete" } : r));
    expect(findBreak(edited, GENESIS_HASH).brokenAt).toEqual({ seq: 2, reason: "content" });
  });

  it("names the row after a deleted one", () => {
    const deleted = rows.filter((r) => r.seq !== 2);
    expect(findBreak(deleted, GENESIS_HASH).brokenAt).toEqual({ seq: 3, reason: "link" });
  });

  it("detects a changed summary value deep inside", () => {
    const edited = rows.map((r) => (r.seq === 1 ? { ...r, summary: { after: { name: "Acme Ltd" } } } : r));
    expect(findBreak(edited, GENESIS_HASH).brokenAt?.seq).toBe(1);
  });

  it("detects a rewritten chain that does not start from the stored predecessor", () => {
    expect(findBreak(rows.slice(1), GENESIS_HASH).brokenAt).toEqual({ seq: 2, reason: "link" });
  });
});
