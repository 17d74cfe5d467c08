import { describe, expect, it } from "vitest";
import { matchImport } from "./import-match";
import type { ImportRow } from "./import-rows";

const row = (hostname: string, fqdn: string | null = null): ImportRow => ({
  row: 2,
  hostname,
  fqdn,
  ip: null,
  os: null,
  owner: null,
  criticality: null,
});

describe("import matching", () => {
  it("matches by identity key, then FQDN, then a unique host name; else a new asset", () => {
    const out = matchImport(
      [row("ws1"), row("db", "db.corp.example"), row("fin"), row("dup"), row("new")],
      [
        { id: "1", identityKey: "host:ws1", fqdn: null, hostname: "ws1" },
        { id: "2", identityKey: "agent:x", fqdn: "db.corp.example", hostname: "db" },
        { id: "3", identityKey: "agent:y", fqdn: null, hostname: "fin" },
        { id: "4", identityKey: "agent:z1", fqdn: null, hostname: "dup" },
        { id: "5", identityKey: "agent:z2", fqdn: null, hostname: "dup" },
      ],
    );
    expect(out.map((r) => [r.key, r.id])).toEqual([
      ["host:ws1", "1"],
      ["fqdn:db.corp.example", "2"],
      ["host:fin", "3"],
      ["host:dup", null],
      ["host:new", null],
    ]);
  });
});
