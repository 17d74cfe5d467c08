import { describe, expect, it } from "vitest";
import { alertOf, NOT_OBJECTS, payloadError, resent, withField } from "./fixtures/helpers";
import { detectionFinding, legacySecurityFinding, networkActivity } from "./fixtures/ocsf";
import { normalizeOcsf } from "./ocsf";

const run = (p: unknown) => alertOf(normalizeOcsf(p));

describe("OCSF Detection Finding (2004)", () => {
  it("normalises every field", () => {
    expect(run(detectionFinding())).toEqual({
      kind: "alert",
      dedupKey: "ocsf:Northwind EDR:nw-det-20260314-000481",
      vendorAlertId: "nw-det-20260314-000481",
      vendorStatus: "New",
      title: "Credential dumping tool executed",
      description: "A known credential dumping tool read LSASS memory.",
      severity: 4,
      vendorSeverity: "High",
      eventTime: new Date("2026-03-14T17:30:00.123Z"),
      vendorCreatedAt: new Date("2026-03-14T17:30:10.500Z"),
      techniques: ["T1003.001", "T1055"],
      entities: {
        hosts: [{ name: "FIN-WS-0160", id: "nw-agent-6a1f9c", ips: ["10.40.12.160"], os: "Windows 11 Enterprise" }],
        ips: ["10.40.12.160", "192.0.2.150"],
        externalIps: ["192.0.2.150"],
        users: ["ACMECORP\\r.haddad"],
        processes: [
          { name: "cmd.exe", pid: "3100", commandLine: "cmd.exe /c tool.bat" },
          {
            name: "nanodump.exe",
            pid: "7788",
            path: "C:\\ProgramData\\nanodump.exe",
            commandLine: "nanodump.exe --write C:\\ProgramData\\d.bin",
            parentName: "cmd.exe",
          },
        ],
        hashes: [
          { algorithm: "sha256", value: "d6f8a0c2e4b6d8f0a2c4e6b8d0f2a4c6e8b0d2f4a6c8e0b2d4f6a8c0e2b4d6f8" },
          { algorithm: "md5", value: "f8a0c2e4b6d8f0a2c4e6b8d0f2a4c6e8" },
        ],
        domains: ["exfil.example-bad.net"],
        urls: ["https://exfil.example-bad.net/upload"],
      },
      product: "Northwind EDR",
    });
  });

  it.each([
    [0, undefined, 0],
    [1, "Informational", 1],
    [2, "Low", 2],
    [3, "Medium", 3],
    [4, "High", 4],
    [5, "Critical", 5],
    [6, "Fatal", 5],
    [99, "Critical", 5],
    [99, "fatal", 5],
    [99, "Informational ", 1],
    [99, "Other", 0],
    [99, "Sev-A", 0],
    [99, undefined, 0],
    ["4", "High", 4],
  ])("maps severity_id %j with severity %j to %i", (id, caption, want) => {
    const a = run(withField(withField(detectionFinding(), "severity_id", id), "severity", caption));
    expect(a.severity).toBe(want);
    expect(a.vendorSeverity).toBe(caption ?? String(id));
  });

  it("rejects a severity_id that is not 0–6 or 99, not an integer, or missing", () => {
    for (const id of [7, 98, -1]) {
      expect(payloadError(() => run(withField(detectionFinding(), "severity_id", id)))).toMatchObject({
        code: "out_of_range",
        path: "severity_id",
      });
    }
    expect(payloadError(() => run(withField(detectionFinding(), "severity_id", "High")))).toMatchObject({
      code: "wrong_type",
      path: "severity_id",
    });
    expect(payloadError(() => run(withField(detectionFinding(), "severity_id", undefined)))).toMatchObject({
      code: "missing_field",
      path: "severity_id",
    });
  });

  it("takes a sub-technique uid before its technique uid, from finding_info.attacks and attacks", () => {
    let p = withField(detectionFinding(), "finding_info.attacks", [
      { technique: { uid: "T1003" }, sub_technique: { uid: "t1003.001" } },
      { technique: { uid: "T1566" } },
      { technique: { name: "Phishing" } },
      { technique: { uid: "CST0001" } },
    ]);
    expect(run(p).techniques).toEqual(["T1003.001", "T1566"]);
    p = withField(p, "attacks", [{ technique: { uid: "T1059" }, sub_technique: { uid: "T1059.001" } }]);
    expect(run(p).techniques).toEqual(["T1059.001", "T1003.001", "T1566"]);
    expect(run(withField(detectionFinding(), "finding_info.attacks", undefined)).techniques).toEqual([]);
  });

  it("keeps the dedup key across re-ordered resends and status updates", () => {
    const key = run(detectionFinding()).dedupKey;
    expect(run(resent(detectionFinding())).dedupKey).toBe(key);
    expect(run(withField(detectionFinding(), "status", "Resolved")).dedupKey).toBe(key);
    expect(run(withField(detectionFinding(), "metadata.uid", "evt-other")).dedupKey).toBe(key);
    expect(run(withField(detectionFinding(), "metadata.product.name", "Other EDR")).dedupKey).not.toBe(key);
  });

  it("keeps product names with colons apart from the uid", () => {
    const p = withField(detectionFinding(), "metadata.product.name", "Acme: EDR");
    expect(run(p).dedupKey).toBe("ocsf:Acme%3A EDR:nw-det-20260314-000481");
  });

  it("requires the dedup fields", () => {
    expect(payloadError(() => run(withField(detectionFinding(), "finding_info.uid", undefined)))).toMatchObject({
      code: "missing_field",
      path: "finding_info.uid",
    });
    expect(payloadError(() => run(withField(detectionFinding(), "metadata.product.name", undefined)))).toMatchObject({
      code: "missing_field",
      path: "metadata.product.name",
    });
  });

  it("falls back to time_dt, and needs an event time", () => {
    const dt = withField(detectionFinding(), "time", undefined);
    expect(run(dt).eventTime).toEqual(new Date("2026-03-14T17:30:00.123Z"));
    const none = withField(dt, "time_dt", undefined);
    expect(payloadError(() => run(none))).toMatchObject({ code: "missing_field", path: "time" });
    // `time` is an integer epoch in OCSF: text there (ISO or not) is the wrong type, never read as a date.
    for (const text of ["soon", "2026-03-14T17:30:00Z"]) {
      expect(payloadError(() => run(withField(detectionFinding(), "time", text)))).toMatchObject({
        code: "wrong_type",
        path: "time",
      });
    }
    expect(run(withField(detectionFinding(), "time", "1773509400123")).eventTime).toEqual(
      new Date("2026-03-14T17:30:00.123Z"),
    );
  });

  it("names wrong types by path", () => {
    expect(payloadError(() => run(withField(detectionFinding(), "class_uid", "finding")))).toMatchObject({
      code: "wrong_type",
      path: "class_uid",
    });
    expect(payloadError(() => run(withField(detectionFinding(), "finding_info", "x")))).toMatchObject({
      code: "wrong_type",
      path: "finding_info",
    });
    const p = detectionFinding();
    (p.evidences[0]!.process!.file.hashes[0] as Record<string, unknown>).algorithm_id = "sha";
    expect(payloadError(() => run(p))).toMatchObject({
      code: "wrong_type",
      path: "evidences[0].process.file.hashes[0].algorithm_id",
    });
  });

  it("reads observables: IPs, users, URLs, hashes and host names", () => {
    const p = withField(detectionFinding(), "observables", [
      { name: "hostname", type_id: 0, value: "fin-ws-0160" },
      { name: "dst.hostname", type_id: 1, value: "cdn.example-bad.net" },
      { name: "ip", type_id: 2, value: "198.51.100.7" },
      { name: "user", type_id: 4, value: "svc_sql" },
      { name: "url", type_id: 6, value: "http://cdn.example-bad.net/a" },
      { name: "hash", type_id: 8, value: "a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0" },
      { name: "nothing", type_id: 1, value: null },
    ]);
    const { entities } = run(p);
    expect(entities.hosts).toHaveLength(1);
    expect(entities.ips).toContain("198.51.100.7");
    expect(entities.users).toContain("svc_sql");
    expect(entities.urls).toContain("http://cdn.example-bad.net/a");
    expect(entities.domains).toContain("cdn.example-bad.net");
    expect(entities.hashes).toContainEqual({ algorithm: "sha1", value: "a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0" });
  });
});

describe("OCSF Security Finding (2001, pre-1.0 shape)", () => {
  it("reads finding{}, state, top-level attacks and epoch-second time", () => {
    expect(run(legacySecurityFinding())).toEqual({
      kind: "alert",
      dedupKey: "ocsf:Acme Cloud Guard:acg-f-99182",
      vendorAlertId: "acg-f-99182",
      vendorStatus: "In Progress",
      title: "Unusual console login",
      description: "A root console login came from a country never seen for this account.",
      severity: 5,
      vendorSeverity: "Critical",
      eventTime: new Date("2026-03-14T17:30:00Z"),
      vendorCreatedAt: new Date("2026-03-14T17:30:05Z"),
      techniques: ["T1078.004"],
      entities: {
        hosts: [],
        ips: ["198.51.100.201"],
        externalIps: ["198.51.100.201"],
        users: ["root"],
        processes: [],
        hashes: [],
        domains: [],
        urls: [],
      },
      product: "Acme Cloud Guard",
    });
  });

  it("requires finding.uid when there is no finding_info", () => {
    expect(payloadError(() => run(withField(legacySecurityFinding(), "finding.uid", undefined)))).toMatchObject({
      code: "missing_field",
      path: "finding_info.uid",
    });
  });
});

describe("OCSF Network Activity (4001)", () => {
  it("ignores a flow without is_alert, disposition_id or attacks", () => {
    expect(normalizeOcsf(networkActivity())).toEqual({
      kind: "ignored",
      reason: "OCSF Network Activity (4001) without is_alert, disposition_id or attacks is telemetry.",
    });
    expect(normalizeOcsf(withField(networkActivity(), "is_alert", false)).kind).toBe("ignored");
  });

  it("is an alert with is_alert, disposition_id or attacks, keyed by metadata.uid", () => {
    for (const [field, value] of [
      ["is_alert", true],
      ["disposition_id", 2],
      ["attacks", [{ technique: { uid: "T1048" } }]],
    ] as const) {
      const a = run(withField(networkActivity(), field, value));
      expect(a.dedupKey).toBe("ocsf:Zeek:CtN4rA1pLw8Yq0e3Zb");
      expect(a.entities.externalIps).toEqual(["192.0.2.150"]);
      expect(a.severity).toBe(1);
    }
    expect(run(withField(networkActivity(), "attacks", [{ technique: { uid: "T1048" } }])).techniques).toEqual([
      "T1048",
    ]);
  });

  it("rejects a payload that is not an object", () => {
    for (const v of NOT_OBJECTS) {
      expect(payloadError(() => normalizeOcsf(v))).toMatchObject({ code: "not_object", path: "" });
    }
  });
});
