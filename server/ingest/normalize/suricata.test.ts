import { describe, expect, it } from "vitest";
import { alertOf, NOT_OBJECTS, payloadError, resent, withField } from "./fixtures/helpers";
import { suricataAlert, suricataFlow, suricataStats } from "./fixtures/suricata";
import { normalizeSuricata } from "./suricata";

const run = (p: unknown) => alertOf(normalizeSuricata(p));

describe("Suricata EVE alert", () => {
  it("normalises every field", () => {
    expect(run(suricataAlert())).toEqual({
      kind: "alert",
      dedupKey: "suricata:1723948571023456:2031502",
      vendorAlertId: null,
      vendorStatus: null,
      title: "ET EXPLOIT Apache HTTP Server path traversal attempt (CVE-2021-41773)",
      description: "Attempted Administrator Privilege Gain",
      severity: 4,
      vendorSeverity: "1",
      eventTime: new Date("2026-03-14T15:45:09.318Z"),
      vendorCreatedAt: null,
      techniques: ["T1190"],
      entities: {
        hosts: [],
        ips: ["198.51.100.61", "10.80.1.15"],
        externalIps: ["198.51.100.61"],
        users: [],
        processes: [],
        hashes: [
          { algorithm: "sha256", value: "e1a3c5b7d9f1e3a5c7b9d1f3e5a7c9b1d3f5e7a9c1b3d5f7e9a1c3b5d7f9e1a3" },
          { algorithm: "sha1", value: "3b5d7f9e1a3c5b7d9f1e3a5c7b9d1f3e5a7c9b1d" },
          { algorithm: "md5", value: "5d7f9e1a3c5b7d9f1e3a5c7b9d1f3e5a" },
        ],
        domains: ["intranet.acmecorp.example"],
        urls: ["http://intranet.acmecorp.example/cgi-bin/.%2e/.%2e/.%2e/bin/sh"],
      },
      product: "Suricata",
    });
  });

  it.each([
    [1, 4],
    [2, 3],
    [3, 2],
    [4, 1],
    [255, 1],
    ["2", 3],
  ])("maps alert.severity %j to %i", (level, want) => {
    const a = run(withField(suricataAlert(), "alert.severity", level));
    expect([a.severity, a.vendorSeverity]).toEqual([want, String(level)]);
  });

  it("rejects a severity that is not an integer, below 1, or missing", () => {
    expect(payloadError(() => run(withField(suricataAlert(), "alert.severity", "high")))).toMatchObject({
      code: "wrong_type",
      path: "alert.severity",
    });
    expect(payloadError(() => run(withField(suricataAlert(), "alert.severity", 1.5)))).toMatchObject({
      code: "wrong_type",
      path: "alert.severity",
    });
    expect(payloadError(() => run(withField(suricataAlert(), "alert.severity", 0)))).toMatchObject({
      code: "out_of_range",
      path: "alert.severity",
    });
    expect(payloadError(() => run(withField(suricataAlert(), "alert.severity", undefined)))).toMatchObject({
      code: "missing_field",
      path: "alert.severity",
    });
  });

  it("reads techniques from mitre_technique_id and the lower-case mitre_attack some rule sets write", () => {
    let p = withField(suricataAlert(), "alert.metadata.mitre_technique_id", undefined);
    expect(run(p).techniques).toEqual([]);
    p = withField(p, "alert.metadata.mitre_attack", ["t1190", "t1059.004"]);
    expect(run(p).techniques).toEqual(["T1190", "T1059.004"]);
    expect(run(withField(suricataAlert(), "alert.metadata", undefined)).techniques).toEqual([]);
  });

  it("keys on (flow_id, signature_id), stable across re-ordered resends and number/string flow ids", () => {
    const key = run(suricataAlert()).dedupKey;
    expect(run(resent(suricataAlert())).dedupKey).toBe(key);
    expect(run(withField(suricataAlert(), "flow_id", "1723948571023456")).dedupKey).toBe(key);
    expect(run(withField(suricataAlert(), "src_ip", "198.51.100.62")).dedupKey).toBe(key);
    expect(run(withField(suricataAlert(), "alert.signature_id", 2031503)).dedupKey).not.toBe(key);
  });

  it("requires flow_id and signature_id as integers", () => {
    expect(payloadError(() => run(withField(suricataAlert(), "flow_id", undefined)))).toMatchObject({
      code: "missing_field",
      path: "flow_id",
    });
    expect(payloadError(() => run(withField(suricataAlert(), "flow_id", "abc")))).toMatchObject({
      code: "wrong_type",
      path: "flow_id",
    });
    expect(payloadError(() => run(withField(suricataAlert(), "alert.signature_id", undefined)))).toMatchObject({
      code: "missing_field",
      path: "alert.signature_id",
    });
    expect(payloadError(() => run(withField(suricataAlert(), "alert", "GPL ATTACK")))).toMatchObject({
      code: "wrong_type",
      path: "alert",
    });
  });

  it("needs a readable timestamp; a zone-less one is UTC", () => {
    expect(payloadError(() => run(withField(suricataAlert(), "timestamp", undefined)))).toMatchObject({
      code: "missing_field",
      path: "timestamp",
    });
    expect(payloadError(() => run(withField(suricataAlert(), "timestamp", "14/03/2026 16:45")))).toMatchObject({
      code: "invalid_value",
      path: "timestamp",
    });
    const a = run(withField(suricataAlert(), "timestamp", "2026-03-14T16:45:09.318274"));
    expect(a.eventTime.toISOString()).toBe("2026-03-14T16:45:09.318Z");
  });

  it("treats the public side as external, whichever direction", () => {
    let p = withField(withField(suricataAlert(), "src_ip", "10.80.1.15"), "dest_ip", "192.0.2.44");
    expect(run(p).entities.externalIps).toEqual(["192.0.2.44"]);
    p = withField(p, "dest_ip", "172.20.0.9");
    expect(run(p).entities.externalIps).toEqual([]);
    p = withField(withField(p, "src_ip", "2001:db8::15"), "dest_ip", "fd00::9");
    expect(run(p).entities).toMatchObject({ ips: ["2001:db8::15", "fd00::9"], externalIps: ["2001:db8::15"] });
  });

  it("skips an address that is not an IP (e.g. a redacted 'x.x.250.50')", () => {
    const a = run(withField(suricataAlert(), "dest_ip", "x.x.250.50"));
    expect(a.entities.ips).toEqual(["198.51.100.61"]);
  });

  it("collects TLS SNI and DNS names as domains, and keeps an absolute URL as written", () => {
    let p = withField(suricataAlert(), "http", { hostname: "a.example", url: "http://b.example:8080/x" });
    p = withField(p, "tls", { sni: "c2.example-bad.net." });
    p = withField(p, "dns", { query: [{ rrname: "d.example" }] });
    expect(run(p).entities).toMatchObject({
      domains: ["a.example", "b.example", "c2.example-bad.net", "d.example"],
      urls: ["http://b.example:8080/x"],
    });
  });

  it("ignores non-alert event types", () => {
    expect(normalizeSuricata(suricataFlow())).toEqual({
      kind: "ignored",
      reason: 'Suricata "flow" events are not alerts.',
    });
    expect(normalizeSuricata(suricataStats()).kind).toBe("ignored");
    for (const t of ["dns", "http", "tls", "fileinfo", "anomaly"]) {
      expect(normalizeSuricata({ ...suricataFlow(), event_type: t }).kind).toBe("ignored");
    }
  });

  it("requires event_type, and rejects a payload that is not an object", () => {
    expect(payloadError(() => run(withField(suricataAlert(), "event_type", undefined)))).toMatchObject({
      code: "missing_field",
      path: "event_type",
    });
    for (const v of NOT_OBJECTS) {
      expect(payloadError(() => normalizeSuricata(v))).toMatchObject({ code: "not_object", path: "" });
    }
  });
});
