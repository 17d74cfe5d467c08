import { describe, expect, it } from "vitest";
import { chooseIncident, entityKeys, normalizeUser, probeKeys, shortHost } from "./correlate";
import { emptyEntities } from "./types";

describe("entityKeys", () => {
  it("matches an FQDN to its short name, case-insensitively", () => {
    const a = entityKeys({ ...emptyEntities(), hosts: [{ name: "WS-042.corp.example.com" }] });
    const b = entityKeys({ ...emptyEntities(), hosts: [{ name: "ws-042" }] });
    expect(a).toEqual(["host:ws-042"]);
    expect(a).toEqual(b);
  });

  it("keys agent ids, host IPs, users and external IPs", () => {
    const keys = entityKeys({
      ...emptyEntities(),
      hosts: [{ name: "srv1", id: "ABC123", ips: ["10.0.0.5", "0.0.0.0"] }],
      users: ["CORP\\JSmith", "jsmith@corp.example.com", "SYSTEM", "WS01$"],
      externalIps: ["203.0.113.9"],
      ips: ["10.0.0.99"],
    });
    expect(keys.sort()).toEqual(["extip:203.0.113.9", "host:srv1", "hostid:abc123", "ip:10.0.0.5", "user:jsmith"]);
  });

  it("does not fold confusable characters", () => {
    expect(shortHost("wѕ-042")).not.toBe(shortHost("ws-042")); // Cyrillic ѕ
    expect(normalizeUser("аdmin")).not.toBe(normalizeUser("admin")); // Cyrillic а
  });

  it("ignores an IP written as a host name", () => {
    expect(shortHost("10.1.2.3")).toBeNull();
  });
});

describe("chooseIncident", () => {
  const t = (m: number) => new Date(Date.UTC(2026, 10, 1, 12, m));
  it("joins an incident that shares a key within 30 minutes, the nearest one", () => {
    const candidates = [
      { id: "far", latestEventTime: t(0), keys: ["host:a"] },
      { id: "near", latestEventTime: t(25), keys: ["host:a", "user:b"] },
      { id: "other", latestEventTime: t(29), keys: ["host:z"] },
    ];
    expect(chooseIncident({ eventTime: t(29), keys: ["host:a"] }, candidates)).toBe("near");
  });

  it("leaves an alert alone when the window is passed or nothing is shared", () => {
    expect(
      chooseIncident({ eventTime: t(31), keys: ["host:a"] }, [{ id: "x", latestEventTime: t(0), keys: ["host:a"] }]),
    ).toBeNull();
    expect(
      chooseIncident({ eventTime: t(30), keys: ["host:a"] }, [{ id: "x", latestEventTime: t(0), keys: ["host:a"] }]),
    ).toBe("x");
    expect(
      chooseIncident({ eventTime: t(1), keys: ["host:b"] }, [{ id: "x", latestEventTime: t(0), keys: ["host:a"] }]),
    ).toBeNull();
  });
});

describe("probeKeys", () => {
  it("looks up a network alert's internal addresses as host IPs, never its public or its own host's", () => {
    const e = {
      ...emptyEntities(),
      hosts: [{ name: "srv1", ips: ["10.0.0.5"] }],
      ips: ["10.0.0.5", "10.0.0.7", "192.168.1.9", "203.0.113.9", "198.51.100.1", "127.0.0.1"],
      externalIps: ["203.0.113.9"],
    };
    expect(probeKeys(e, entityKeys(e))).toEqual(["ip:10.0.0.7", "ip:192.168.1.9"]);
  });
});
