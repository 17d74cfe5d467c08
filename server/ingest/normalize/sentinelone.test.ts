import { describe, expect, it } from "vitest";
import { alertOf, NOT_OBJECTS, payloadError, resent, withField } from "./fixtures/helpers";
import { scanActivity, starAlertActivity, THREAT_ID, threat, threatActivity } from "./fixtures/sentinelone";
import { normalizeSentinelone } from "./sentinelone";

const run = (p: unknown) => alertOf(normalizeSentinelone(p));

/** Some pipelines lower-case every key of the activity feed. */
function lowerKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(lowerKeys);
  if (v && typeof v === "object") {
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k.toLowerCase(), lowerKeys(x)]));
  }
  return v;
}

describe("SentinelOne threat (threats API)", () => {
  it("normalises every field", () => {
    expect(run(threat())).toEqual({
      kind: "alert",
      dedupKey: `sentinelone:${THREAT_ID}`,
      vendorAlertId: THREAT_ID,
      vendorStatus: "unresolved",
      title: "invoice_viewer.exe",
      description: null,
      severity: 4,
      vendorSeverity: "malicious",
      eventTime: new Date("2026-03-14T10:02:11.204Z"),
      vendorCreatedAt: new Date("2026-03-14T10:02:12.881Z"),
      techniques: ["T1547.001", "T1218.010", "T1027"],
      entities: {
        hosts: [
          {
            name: "HR-LT-0077",
            id: "1894401122334455667",
            ips: ["10.60.3.21", "fe80::1c2d:3e4f:5a6b:7c8d"],
            os: "Windows 10 Pro",
          },
        ],
        ips: ["10.60.3.21", "fe80::1c2d:3e4f:5a6b:7c8d", "198.51.100.77"],
        externalIps: [],
        users: ["ACMECORP\\m.santos", "m.santos@acmecorp.example", "m.santos"],
        processes: [
          {
            name: "explorer.exe",
            commandLine: '"C:\\Users\\m.santos\\AppData\\Local\\Temp\\invoice_viewer.exe" /silent',
          },
        ],
        hashes: [
          { algorithm: "sha256", value: "2b4d6f8a0c2e4b6d8f0a2c4e6b8d0f2a4c6e8b0d2f4a6c8e0b2d4f6a8c0e2b4d" },
          { algorithm: "sha1", value: "5e7a9c1b3d5f7e9a1c3b5d7f9e1a3c5b7d9f1e3a" },
        ],
        domains: [],
        urls: [],
      },
      product: "SentinelOne",
    });
  });

  it.each([
    ["malicious", 4],
    ["suspicious", 3],
    ["n/a", 2],
    ["Malicious", 4],
    [undefined, 2],
  ])("maps confidenceLevel %s to %i", (level, want) => {
    const a = run(withField(threat(), "threatInfo.confidenceLevel", level));
    expect(a.severity).toBe(want);
    expect(a.vendorSeverity).toBe(level ?? null);
  });

  it("never lowers severity for mitigation", () => {
    for (const status of ["mitigated", "marked_as_benign", "not_mitigated"]) {
      expect(run(withField(threat(), "threatInfo.mitigationStatus", status)).severity).toBe(4);
    }
  });

  it("uses mitigationStatus as the vendor status when there is no incidentStatus", () => {
    expect(run(withField(threat(), "threatInfo.incidentStatus", undefined)).vendorStatus).toBe("mitigated");
  });

  it("takes techniques from indicators[].tactics[].techniques[].name only", () => {
    expect(run(withField(threat(), "indicators", [])).techniques).toEqual([]);
    const odd = withField(threat(), "indicators", [{ tactics: [{ techniques: [{ name: "Regsvr32 (T1218.010)" }] }] }]);
    expect(run(odd).techniques).toEqual(["T1218.010"]);
  });

  it("keeps the dedup key across re-ordered resends and status updates", () => {
    const key = run(threat()).dedupKey;
    expect(run(resent(threat())).dedupKey).toBe(key);
    expect(run(withField(threat(), "threatInfo.incidentStatus", "resolved")).dedupKey).toBe(key);
  });

  it("requires threatInfo.threatId", () => {
    expect(payloadError(() => run(withField(threat(), "threatInfo.threatId", undefined)))).toMatchObject({
      code: "missing_field",
      path: "threatInfo.threatId",
    });
  });

  it("uses createdAt when identifiedAt is absent, and needs one of them", () => {
    const a = run(withField(threat(), "threatInfo.identifiedAt", undefined));
    expect(a.eventTime).toEqual(new Date("2026-03-14T10:02:12.881Z"));
    const none = withField(withField(threat(), "threatInfo.identifiedAt", undefined), "threatInfo.createdAt", null);
    expect(payloadError(() => run(none))).toMatchObject({ code: "missing_field", path: "threatInfo.identifiedAt" });
  });

  it("rejects wrong types with the path", () => {
    expect(payloadError(() => run(withField(threat(), "threatInfo", "x")))).toMatchObject({
      code: "wrong_type",
      path: "threatInfo",
    });
    expect(payloadError(() => run(withField(threat(), "threatInfo.identifiedAt", true)))).toMatchObject({
      code: "wrong_type",
      path: "threatInfo.identifiedAt",
    });
    expect(payloadError(() => run(withField(threat(), "agentRealtimeInfo.networkInterfaces", "Wi-Fi")))).toMatchObject({
      code: "wrong_type",
      path: "agentRealtimeInfo.networkInterfaces",
    });
  });
});

describe("SentinelOne activity feed", () => {
  it("reads a threat activity as that threat (same dedup key as the threats API)", () => {
    expect(run(threatActivity())).toEqual({
      kind: "alert",
      dedupKey: `sentinelone:${THREAT_ID}`,
      vendorAlertId: THREAT_ID,
      vendorStatus: null,
      title: "invoice_viewer.exe",
      description: "Threat with confidence level suspicious detected: invoice_viewer.exe",
      severity: 3,
      vendorSeverity: "suspicious",
      eventTime: new Date("2026-03-14T10:02:13.100Z"),
      vendorCreatedAt: null,
      techniques: [],
      entities: {
        hosts: [{ name: "HR-LT-0077", id: "1894401122334455667" }],
        ips: [],
        externalIps: [],
        users: [],
        processes: [],
        hashes: [{ algorithm: "sha1", value: "5e7a9c1b3d5f7e9a1c3b5d7f9e1a3c5b7d9f1e3a" }],
        domains: [],
        urls: [],
      },
      product: "SentinelOne",
    });
  });

  it("reads a STAR custom-rule alert as its own alert (severity by the contract's 'other' row)", () => {
    expect(run(starAlertActivity())).toEqual({
      kind: "alert",
      dedupKey: "sentinelone:alert:1894403351111111111",
      vendorAlertId: "1894403351111111111",
      vendorStatus: null,
      title: "Rundll32 outbound to rare domain",
      description: "Alert created for rundll32.exe from Custom Rule: Rundll32 outbound to rare domain.",
      severity: 2,
      vendorSeverity: "E_HIGH",
      eventTime: new Date("2026-03-14T11:14:59Z"),
      vendorCreatedAt: new Date("2026-03-14T11:15:04.331Z"),
      techniques: [],
      entities: {
        hosts: [{ id: "1894401122334455667", ips: ["10.60.3.21"] }],
        ips: ["10.60.3.21", "203.0.113.9"],
        externalIps: ["203.0.113.9"],
        users: ["m.santos"],
        processes: [],
        hashes: [],
        domains: ["update-check.example.net"],
        urls: [],
      },
      product: "SentinelOne",
    });
  });

  it("ignores activity that is neither a threat nor an alert", () => {
    expect(normalizeSentinelone(scanActivity())).toEqual({
      kind: "ignored",
      reason: "SentinelOne activity type 90 is not about a threat or an alert.",
    });
  });

  it("reads the lower-cased keys some pipelines produce", () => {
    expect(run(lowerKeys(threatActivity()))).toEqual(run(threatActivity()));
    expect(run(lowerKeys(starAlertActivity()))).toEqual(run(starAlertActivity()));
    expect(normalizeSentinelone(lowerKeys(scanActivity())).kind).toBe("ignored");
  });

  it("accepts a numeric-string activityType and rejects a non-numeric one", () => {
    expect(run(withField(threatActivity(), "activityType", "19")).dedupKey).toBe(`sentinelone:${THREAT_ID}`);
    expect(payloadError(() => run(withField(threatActivity(), "activityType", "threat")))).toMatchObject({
      code: "wrong_type",
      path: "activityType",
    });
  });

  it("keeps the dedup key across re-ordered resends", () => {
    expect(run(resent(starAlertActivity())).dedupKey).toBe(run(starAlertActivity()).dedupKey);
  });

  it("needs an event time", () => {
    expect(payloadError(() => run(withField(threatActivity(), "createdAt", undefined)))).toMatchObject({
      code: "missing_field",
      path: "createdAt",
    });
    const star = withField(withField(starAlertActivity(), "createdAt", undefined), "data.detectedAt", undefined);
    expect(payloadError(() => run(star))).toMatchObject({ code: "missing_field", path: "createdAt" });
  });
});

describe("SentinelOne payload errors", () => {
  it("rejects a payload that is not an object", () => {
    for (const v of NOT_OBJECTS) {
      expect(payloadError(() => normalizeSentinelone(v))).toMatchObject({ code: "not_object", path: "" });
    }
  });

  it("names threatInfo.threatId when the payload is neither shape", () => {
    expect(payloadError(() => normalizeSentinelone({ id: "1" }))).toMatchObject({
      code: "missing_field",
      path: "threatInfo.threatId",
    });
  });
});
