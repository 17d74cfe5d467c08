import { describe, expect, it } from "vitest";
import { emptyEntities } from "@/server/ingest/types";
import { observablesFromEntities } from "./observables";

describe("observablesFromEntities", () => {
  it("lists each value once across kinds, skipping blanks", () => {
    const obs = observablesFromEntities({
      ...emptyEntities(),
      hosts: [{ name: "WS1" }, { name: "ws1" }, { id: "agent-7" }],
      users: ["CORP\\ann", "-"],
      ips: ["10.0.0.1", "203.0.113.5"],
      externalIps: ["203.0.113.5"],
      hashes: [{ algorithm: "sha256", value: "a".repeat(64) }],
      processes: [{ name: "powershell.exe", path: "C:\\Windows\\powershell.exe" }],
    });
    expect(obs).toEqual([
      { kind: "host", value: "WS1" },
      { kind: "host", value: "agent-7" },
      { kind: "user", value: "CORP\\ann" },
      { kind: "ip", value: "203.0.113.5" },
      { kind: "ip", value: "10.0.0.1" },
      { kind: "hash", value: "a".repeat(64) },
      { kind: "process", value: "C:\\Windows\\powershell.exe" },
    ]);
  });

  it("caps the number per alert", () => {
    const ips = Array.from({ length: 500 }, (_, i) => `10.0.${Math.floor(i / 250)}.${i % 250}`);
    expect(observablesFromEntities({ ...emptyEntities(), ips })).toHaveLength(60);
  });
});
