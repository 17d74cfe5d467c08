import { describe, expect, it } from "vitest";
import { alertOf, NOT_OBJECTS, payloadError, resent, withField } from "./fixtures/helpers";
import { captureLoss, invalidCert, portScan, sqliAttacker, sshGuessing, weird } from "./fixtures/zeek";
import { normalizeZeek } from "./zeek";

const run = (p: unknown) => alertOf(normalizeZeek(p));

describe("Zeek notice", () => {
  it("normalises a notice without a connection (dedup on note, src, dst, sub)", () => {
    expect(run(sshGuessing())).toEqual({
      kind: "alert",
      dedupKey: "zeek:SSH%3A%3APassword_Guessing:198.51.100.14::Sampled servers:  10.90.0.5, 10.90.0.5, 10.90.0.6",
      vendorAlertId: null,
      vendorStatus: null,
      title: "SSH::Password_Guessing",
      description: "198.51.100.14 appears to be guessing SSH passwords (seen in 30 connections).",
      severity: 3,
      vendorSeverity: null,
      eventTime: new Date("2026-03-14T16:05:21.482Z"),
      vendorCreatedAt: null,
      techniques: ["T1110.001"],
      entities: {
        hosts: [],
        ips: ["198.51.100.14"],
        externalIps: ["198.51.100.14"],
        users: [],
        processes: [],
        hashes: [],
        domains: [],
        urls: [],
      },
      product: "Zeek",
    });
  });

  it("normalises a notice on a connection (dedup on uid, note)", () => {
    expect(run(sqliAttacker())).toEqual({
      kind: "alert",
      dedupKey: "zeek:uid:CaB3kq2Xw9pLmN4t7e:HTTP::SQL_Injection_Attacker",
      vendorAlertId: "CaB3kq2Xw9pLmN4t7e",
      vendorStatus: null,
      title: "HTTP::SQL_Injection_Attacker",
      description: "An SQL injection attacker was discovered!",
      severity: 3,
      vendorSeverity: null,
      eventTime: new Date("2026-03-14T16:20:22.900Z"),
      vendorCreatedAt: null,
      techniques: [],
      entities: {
        hosts: [],
        ips: ["192.0.2.201", "10.90.2.40"],
        externalIps: ["192.0.2.201"],
        users: [],
        processes: [],
        hashes: [],
        domains: [],
        urls: [],
      },
      product: "Zeek",
    });
  });

  it.each([
    ["SSH::Password_Guessing", 3],
    ["Scan::Port_Scan", 3],
    ["Scan::Address_Scan", 3],
    ["HTTP::SQL_Injection_Attacker", 3],
    ["HTTP::SQL_Injection_Victim", 3],
    ["Heartbleed::SSL_Heartbeat_Attack", 4],
    ["Heartbleed::SSL_Heartbeat_Attack_Success", 4],
    ["SSL::Invalid_Server_Cert", 3],
    ["Intel::Notice", 3],
  ])("maps note %s to severity %i", (note, want) => {
    expect(run(withField(sqliAttacker(), "note", note)).severity).toBe(want);
  });

  it("gives techniques by note", () => {
    expect(run(sshGuessing()).techniques).toEqual(["T1110.001"]);
    expect(run(portScan()).techniques).toEqual(["T1046"]);
    expect(run(withField(portScan(), "note", "Scan::Address_Scan")).techniques).toEqual(["T1046"]);
    expect(run(invalidCert()).techniques).toEqual([]);
  });

  it("takes src as the attacker for guessing, scans and SQL injection attackers only", () => {
    expect(run(portScan()).entities.externalIps).toEqual(["10.90.0.77"]);
    expect(run(withField(sqliAttacker(), "note", "HTTP::SQL_Injection_Victim")).entities.externalIps).toEqual([]);
    expect(run(invalidCert()).entities.externalIps).toEqual([]);
  });

  it("takes an Intel::* notice's indicator (sub) as the external side", () => {
    const ip = withField(withField(sshGuessing(), "note", "Intel::Notice"), "sub", "192.0.2.99");
    expect(run(ip).entities).toMatchObject({ externalIps: ["192.0.2.99"], domains: [] });
    const name = withField(withField(sshGuessing(), "note", "Intel::Notice"), "sub", "bad.example.org");
    expect(run(name).entities).toMatchObject({ externalIps: [], domains: ["bad.example.org"] });
  });

  it("reads the connection tuple flat (id.orig_h) or nested (id{orig_h})", () => {
    expect(run(invalidCert()).entities.ips).toEqual(["10.90.3.14", "203.0.113.88"]);
    const nested = withField(withField(invalidCert(), "src", undefined), "dst", undefined);
    expect(run(nested).entities.ips).toEqual(["10.90.3.14", "203.0.113.88"]);
  });

  it("keeps dedup keys stable across re-ordered resends; absent dst/sub are empty parts", () => {
    expect(run(resent(sshGuessing())).dedupKey).toBe(run(sshGuessing()).dedupKey);
    expect(run(resent(sqliAttacker())).dedupKey).toBe(run(sqliAttacker()).dedupKey);
    expect(run(withField(sqliAttacker(), "src", "192.0.2.202")).dedupKey).toBe(run(sqliAttacker()).dedupKey);
    expect(run(withField(sshGuessing(), "sub", undefined)).dedupKey).toBe(
      "zeek:SSH%3A%3APassword_Guessing:198.51.100.14::",
    );
    expect(run(portScan()).dedupKey).toBe("zeek:Scan%3A%3APort_Scan:10.90.0.77:10.90.0.5:local");
  });

  it("reads ts as epoch seconds (number or string) or ISO-8601", () => {
    expect(run(withField(sshGuessing(), "ts", "1773504321.482913")).eventTime).toEqual(
      new Date("2026-03-14T16:05:21.482Z"),
    );
    expect(run(portScan()).eventTime).toEqual(new Date("2026-03-14T16:10:00.250Z"));
  });

  it("rejects a missing or unreadable ts (e.g. btest's scrubbed XXXXXXXXXX.XXXXXX)", () => {
    expect(payloadError(() => run(withField(sshGuessing(), "ts", undefined)))).toMatchObject({
      code: "missing_field",
      path: "ts",
    });
    expect(payloadError(() => run(withField(sshGuessing(), "ts", "XXXXXXXXXX.XXXXXX")))).toMatchObject({
      code: "invalid_value",
      path: "ts",
    });
    expect(payloadError(() => run(withField(sshGuessing(), "ts", [1])))).toMatchObject({
      code: "wrong_type",
      path: "ts",
    });
  });

  it("treats Zeek's unset marker '-' as absent", () => {
    const a = run(withField(withField(sshGuessing(), "dst", "-"), "sub", "-"));
    expect(a.dedupKey).toBe("zeek:SSH%3A%3APassword_Guessing:198.51.100.14::");
  });

  it("requires a note", () => {
    expect(payloadError(() => run(withField(sshGuessing(), "note", undefined)))).toMatchObject({
      code: "missing_field",
      path: "note",
    });
  });
});

describe("Zeek sensor health", () => {
  it("reports CaptureLoss::* and Weird::* as health, not alerts", () => {
    expect(normalizeZeek(captureLoss())).toEqual({
      kind: "health",
      note: "CaptureLoss::Too_Much_Loss",
      message: "The capture loss script detected an estimated loss rate above 12.500%",
      eventTime: new Date("2026-03-14T16:21:40.500Z"),
    });
    expect(normalizeZeek(weird())).toEqual({
      kind: "health",
      note: "Weird::Activity",
      message: "Weird activity: bad_TCP_checksum",
      eventTime: new Date("2026-03-14T16:22:00Z"),
    });
  });

  it("accepts a health notice without a time", () => {
    expect(normalizeZeek(withField(captureLoss(), "ts", undefined))).toMatchObject({ kind: "health", eventTime: null });
  });

  it("rejects a payload that is not an object", () => {
    for (const v of NOT_OBJECTS) {
      expect(payloadError(() => normalizeZeek(v))).toMatchObject({ code: "not_object", path: "" });
    }
  });
});
