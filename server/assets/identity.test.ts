import { describe, expect, it } from "vitest";
import { dedupeHosts, hostFacts, identityKey, incidentKeysOf, splitHostName } from "./identity";

describe("asset identity", () => {
  it("takes the first of agent id, FQDN, host name", () => {
    expect(identityKey({ agentId: "AbC123", fqdn: "ws1.corp.example", hostname: "ws1" })).toBe("agent:abc123");
    expect(identityKey({ agentId: null, fqdn: "ws1.corp.example", hostname: "ws1" })).toBe("fqdn:ws1.corp.example");
    expect(identityKey({ agentId: null, fqdn: null, hostname: "ws1" })).toBe("host:ws1");
    expect(identityKey({ agentId: null, fqdn: null, hostname: null })).toBeNull();
  });

  it("splits a dotted name into FQDN and short name, case-insensitively", () => {
    expect(splitHostName("WS1.Corp.Example.")).toEqual({ fqdn: "ws1.corp.example", hostname: "ws1" });
    expect(splitHostName("WS1")).toEqual({ fqdn: null, hostname: "ws1" });
    expect(splitHostName("10.0.0.1")).toEqual({ fqdn: null, hostname: null });
    expect(splitHostName("fe80::1")).toEqual({ fqdn: null, hostname: null });
    expect(splitHostName(" - ")).toEqual({ fqdn: null, hostname: null });
  });

  it("builds facts from a vendor's host name or an inventory item; none without a name or id", () => {
    expect(hostFacts({ hostname: "ws1.corp.example", ip: "10.0.0.1" })).toMatchObject({
      fqdn: "ws1.corp.example",
      hostname: "ws1",
      ip: "10.0.0.1",
    });
    expect(hostFacts({ agentId: "a1" })).toMatchObject({ agentId: "a1", hostname: null });
    expect(hostFacts({ ip: "10.0.0.1" })).toBeNull();
  });

  it("merges several mentions of one host in a batch", () => {
    const a = hostFacts({ agentId: "A1", hostname: "ws1" })!;
    const b = hostFacts({ agentId: "a1", os: "Windows 11" })!;
    const c = hostFacts({ hostname: "ws2" })!;
    const out = dedupeHosts([a, b, c]);
    expect(out).toHaveLength(2);
    expect(out[0]).toMatchObject({ key: "agent:a1", hostname: "ws1", os: "Windows 11" });
  });

  it("names the incident entity keys of the host", () => {
    expect(incidentKeysOf({ agentId: "A1", fqdn: "ws1.corp.example", hostname: "ws1" })).toEqual([
      "host:ws1",
      "hostid:a1",
    ]);
    expect(incidentKeysOf({ agentId: null, fqdn: "db.corp.example", hostname: null })).toEqual(["host:db"]);
  });
});
