import { describe, expect, it } from "vitest";
import { normalizeCrowdstrike } from "./crowdstrike";
import { apiDetection, authAuditEvent, COMPOSITE_ID, streamDetection } from "./fixtures/crowdstrike";
import { alertOf, NOT_OBJECTS, payloadError, resent, withField } from "./fixtures/helpers";

const run = (p: unknown) => alertOf(normalizeCrowdstrike(p));

describe("CrowdStrike Alerts API detection", () => {
  it("normalises every field", () => {
    expect(run(apiDetection())).toEqual({
      kind: "alert",
      dedupKey: `crowdstrike:${COMPOSITE_ID}`,
      vendorAlertId: COMPOSITE_ID,
      vendorStatus: "new",
      title: "Office application launched encoded PowerShell",
      description: "An Office application launched PowerShell with an encoded command. Review the parent document.",
      severity: 4,
      vendorSeverity: "High",
      eventTime: new Date("2026-03-14T09:26:58Z"),
      vendorCreatedAt: new Date("2026-03-14T09:27:41.512Z"),
      techniques: ["T1059.001"],
      entities: {
        hosts: [
          { name: "FIN-WS-0142", id: "4f2b8e1a9c7d4e6f8a0b2c4d6e8f0a1b", ips: ["10.40.12.73"], os: "Windows 11" },
        ],
        ips: ["10.40.12.73", "203.0.113.45"],
        externalIps: [],
        users: ["ACMECORP\\j.okafor"],
        processes: [
          {
            name: "powershell.exe",
            pid: "6604",
            path: "\\Device\\HarddiskVolume3\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe",
            commandLine: "powershell.exe -NoProfile -EncodedCommand SQBFAFgAIAAoAE4AZQB3AC0ATwBiAGoAZQBjAHQAKQA=",
            parentName: "WINWORD.EXE",
          },
          {
            name: "WINWORD.EXE",
            pid: "5120",
            path: "\\Device\\HarddiskVolume3\\Program Files\\Microsoft Office\\root\\Office16\\WINWORD.EXE",
            commandLine: '"WINWORD.EXE" /n "C:\\Users\\j.okafor\\Downloads\\Remittance_0314.docm"',
          },
        ],
        hashes: [
          { algorithm: "sha256", value: "9f1c3e5a7b9d1f3e5a7c9b1d3f5e7a9c1b3d5f7e9a1c3b5d7f9e1a3c5b7d9f1e" },
          { algorithm: "md5", value: "3c5e7a9b1d3f5e7a9c1b3d5f7e9a1c3b" },
        ],
        domains: [],
        urls: [],
      },
      product: "Falcon",
    });
  });

  it("uses severity_name when it is one of the five names", () => {
    for (const [name, want] of [
      ["Informational", 1],
      ["Low", 2],
      ["Medium", 3],
      ["High", 4],
      ["Critical", 5],
    ] as const) {
      const a = run(withField(withField(apiDetection(), "severity_name", name), "severity", 10));
      expect([a.severity, a.vendorSeverity]).toEqual([want, name]);
    }
  });

  it.each([
    [0, 1],
    [19, 1],
    [20, 2],
    [39, 2],
    [40, 3],
    [59, 3],
    [60, 4],
    [79, 4],
    [80, 5],
    [100, 5],
    ["70", 4],
  ])("maps numeric severity %j without a name to %i", (severity, want) => {
    const a = run(withField(withField(apiDetection(), "severity_name", undefined), "severity", severity));
    expect(a.severity).toBe(want);
    expect(a.vendorSeverity).toBe(String(severity));
  });

  it("falls back to the number when the name is not one of the five", () => {
    const a = run(withField(withField(apiDetection(), "severity_name", "Unknown"), "severity", 50));
    expect([a.severity, a.vendorSeverity]).toEqual([3, "50"]);
  });

  it("rejects a severity that is not a number, out of 0–100, or missing", () => {
    expect(payloadError(() => run(withField(apiDetection(), "severity", "high")))).toMatchObject({
      code: "wrong_type",
      path: "severity",
    });
    for (const n of [-1, 101]) {
      const p = withField(withField(apiDetection(), "severity_name", undefined), "severity", n);
      expect(payloadError(() => run(p))).toMatchObject({ code: "out_of_range", path: "severity" });
    }
    const none = withField(withField(apiDetection(), "severity_name", undefined), "severity", undefined);
    expect(payloadError(() => run(none))).toMatchObject({ code: "missing_field", path: "severity" });
  });

  it("takes ATT&CK ids only: CrowdStrike's CST ids are dropped, case is normalised", () => {
    let p = withField(apiDetection(), "technique_id", "CST0001");
    p = withField(p, "mitre_attack", [{ technique_id: "CST0004" }]);
    expect(run(p).techniques).toEqual([]);
    p = withField(p, "technique_id", "t1059.001");
    p = withField(p, "mitre_attack", [{ technique_id: "T1566.001" }, { technique_id: "t1059.001" }]);
    expect(run(p).techniques).toEqual(["T1059.001", "T1566.001"]);
  });

  it("keeps the same dedup key when the resend is re-ordered and re-indented, or its status changed", () => {
    const key = run(apiDetection()).dedupKey;
    expect(run(resent(apiDetection())).dedupKey).toBe(key);
    expect(run(withField(apiDetection(), "status", "closed")).dedupKey).toBe(key);
    expect(run(withField(apiDetection(), "composite_id", "other:ind:x:y")).dedupKey).not.toBe(key);
  });

  it("uses created_timestamp when timestamp is absent; without both the event time is missing", () => {
    const created = run(withField(apiDetection(), "timestamp", undefined));
    expect(created.eventTime).toEqual(new Date("2026-03-14T09:27:41.512Z"));
    const none = withField(withField(apiDetection(), "timestamp", undefined), "created_timestamp", undefined);
    expect(payloadError(() => run(none))).toMatchObject({ code: "missing_field", path: "timestamp" });
    expect(payloadError(() => run(withField(apiDetection(), "timestamp", "yesterday")))).toMatchObject({
      code: "invalid_value",
      path: "timestamp",
    });
  });

  it("rejects wrong types with the field path", () => {
    expect(payloadError(() => run(withField(apiDetection(), "device", "FIN-WS-0142")))).toMatchObject({
      code: "wrong_type",
      path: "device",
    });
    expect(payloadError(() => run(withField(apiDetection(), "device.hostname", { x: 1 })))).toMatchObject({
      code: "wrong_type",
      path: "device.hostname",
    });
    expect(payloadError(() => run(withField(apiDetection(), "composite_id", true)))).toMatchObject({
      code: "wrong_type",
      path: "composite_id",
    });
  });
});

describe("CrowdStrike Event Streams", () => {
  it("normalises an EppDetectionSummaryEvent", () => {
    expect(run(streamDetection())).toEqual({
      kind: "alert",
      dedupKey: `crowdstrike:${COMPOSITE_ID}`,
      vendorAlertId: COMPOSITE_ID,
      vendorStatus: null,
      title: "EncodedPowerShellFromOffice",
      description: "An Office application launched PowerShell with an encoded command.",
      severity: 5,
      vendorSeverity: "Critical",
      eventTime: new Date("2026-03-14T09:26:58Z"),
      vendorCreatedAt: new Date("2026-03-14T09:27:41.512Z"),
      techniques: ["T1204.002"],
      entities: {
        hosts: [{ name: "FIN-WS-0142", id: "4f2b8e1a9c7d4e6f8a0b2c4d6e8f0a1b", ips: ["10.40.12.73"] }],
        ips: ["10.40.12.73"],
        externalIps: [],
        users: ["j.okafor"],
        processes: [
          {
            name: "powershell.exe",
            pid: "9007199254741993",
            path: "\\Device\\HarddiskVolume3\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe",
            commandLine: "powershell.exe -NoProfile -EncodedCommand SQBFAFgA",
            parentName: "WINWORD.EXE",
          },
          { name: "WINWORD.EXE", pid: "289734400117", commandLine: '"WINWORD.EXE" /n' },
        ],
        hashes: [
          { algorithm: "sha256", value: "9f1c3e5a7b9d1f3e5a7c9b1d3f5e7a9c1b3d5f7e9a1c3b5d7f9e1a3c5b7d9f1e" },
          { algorithm: "md5", value: "3c5e7a9b1d3f5e7a9c1b3d5f7e9a1c3b" },
        ],
        domains: [],
        urls: [],
      },
      product: "Falcon",
    });
  });

  it("gives the same dedup key as the API shape of the same detection", () => {
    expect(run(streamDetection()).dedupKey).toBe(run(apiDetection()).dedupKey);
    expect(run(resent(streamDetection())).dedupKey).toBe(run(streamDetection()).dedupKey);
  });

  it("uses DetectId when there is no CompositeId, and needs one of them", () => {
    const legacy = withField(
      withField(streamDetection(), "event.CompositeId", undefined),
      "event.DetectId",
      "ldt:4f2b:77",
    );
    expect(run(legacy).dedupKey).toBe("crowdstrike:ldt:4f2b:77");
    const none = withField(streamDetection(), "event.CompositeId", undefined);
    expect(payloadError(() => run(none))).toMatchObject({ code: "missing_field", path: "event.CompositeId" });
  });

  it("uses numeric Severity when SeverityName is absent", () => {
    const p = withField(withField(streamDetection(), "event.SeverityName", undefined), "event.Severity", "50");
    expect([run(p).severity, run(p).vendorSeverity]).toEqual([3, "50"]);
  });

  it("accepts ProcessId as a number or a string and keeps it as a string", () => {
    expect(run(withField(streamDetection(), "event.ProcessId", 4242)).entities.processes[0]?.pid).toBe("4242");
  });

  it("takes ATT&CK ids from TechniqueId and Technique only", () => {
    let p = withField(streamDetection(), "event.TechniqueId", undefined);
    expect(run(p).techniques).toEqual([]);
    p = withField(p, "event.Technique", "Regsvr32 (T1218.010)");
    expect(run(p).techniques).toEqual(["T1218.010"]);
    p = withField(p, "event.Technique", "CST0001");
    expect(run(p).techniques).toEqual([]);
  });

  it("falls back to metadata.eventCreationTime when ProcessStartTime is absent or zero, else the time is missing", () => {
    for (const v of [undefined, 0]) {
      const a = run(withField(streamDetection(), "event.ProcessStartTime", v));
      expect(a.eventTime).toEqual(new Date("2026-03-14T09:27:41.512Z"));
    }
    const none = withField(
      withField(streamDetection(), "event.ProcessStartTime", undefined),
      "metadata.eventCreationTime",
      undefined,
    );
    expect(payloadError(() => run(none))).toMatchObject({ code: "missing_field", path: "event.ProcessStartTime" });
  });

  it("ignores stream events that are not detections", () => {
    expect(normalizeCrowdstrike(authAuditEvent())).toEqual({
      kind: "ignored",
      reason: "CrowdStrike AuthActivityAuditEvent is not a detection.",
    });
    expect(normalizeCrowdstrike({ event: { ExternalApiType: "Event_UserActivityAuditEvent" } }).kind).toBe("ignored");
  });

  it("reads the same detection flattened, as FDR / SIEM exports send it", () => {
    const flat = { ...streamDetection().event, ExternalApiType: "Event_EppDetectionSummaryEvent" };
    const a = run(flat);
    expect(a.dedupKey).toBe(`crowdstrike:${COMPOSITE_ID}`);
    expect(a.eventTime).toEqual(new Date("2026-03-14T09:26:58Z"));
    expect(a.vendorCreatedAt).toBeNull();
  });

  it("requires an event object for a detection", () => {
    const p = withField(streamDetection(), "event", undefined);
    expect(payloadError(() => run(p))).toMatchObject({ code: "missing_field", path: "event" });
  });
});

describe("CrowdStrike payload errors", () => {
  it("rejects a payload that is not an object", () => {
    for (const v of NOT_OBJECTS) {
      expect(payloadError(() => normalizeCrowdstrike(v))).toMatchObject({ code: "not_object", path: "" });
    }
  });

  it("names composite_id when the payload has no recognisable shape", () => {
    expect(payloadError(() => normalizeCrowdstrike({ hello: "world" }))).toMatchObject({
      code: "missing_field",
      path: "composite_id",
    });
  });
});
