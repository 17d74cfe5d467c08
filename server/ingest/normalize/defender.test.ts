import { describe, expect, it } from "vitest";
import { normalizeDefender } from "./defender";
import { GRAPH_ID, graphAlert, MDE_ID, mdeAlert } from "./fixtures/defender";
import { alertOf, NOT_OBJECTS, payloadError, resent, withField } from "./fixtures/helpers";

const run = (p: unknown) => alertOf(normalizeDefender(p));

describe("Defender for Endpoint /api/alerts", () => {
  it("normalises every field", () => {
    expect(run(mdeAlert())).toEqual({
      kind: "alert",
      dedupKey: `defender:${MDE_ID}`,
      vendorAlertId: MDE_ID,
      vendorStatus: "New",
      title: "Suspicious access to LSASS service",
      description: "A process read the memory of the LSASS process, which can expose credentials.",
      severity: 4,
      vendorSeverity: "High",
      eventTime: new Date("2026-03-14T13:18:02.123Z"),
      vendorCreatedAt: new Date("2026-03-14T13:20:45.617Z"),
      techniques: ["T1003.001", "T1003"],
      entities: {
        hosts: [{ name: "srv-db-03.acmecorp.example", id: "8c1f5e2d9a7b4c3e6f0a1b2c3d4e5f6a7b8c9d0e" }],
        ips: ["203.0.113.200"],
        externalIps: ["203.0.113.200"],
        users: ["ACMECORP\\svc_backup", "ACMECORP\\a.ng", "svc_backup@acmecorp.example"],
        processes: [
          {
            name: "procdump64.exe",
            pid: "7312",
            path: "C:\\Tools",
            commandLine: "procdump64.exe -accepteula -ma lsass.exe C:\\Windows\\Temp\\l.dmp",
            parentName: "cmd.exe",
          },
        ],
        hashes: [
          { algorithm: "sha256", value: "4c6e8a0b2d4f6c8e0a2b4d6f8c0e2a4b6d8f0c2e4a6b8d0f2c4e6a8b0d2f4c6e" },
          { algorithm: "sha1", value: "7a9c1e3b5d7f9a1c3e5b7d9f1a3c5e7b9d1f3a5c" },
          { algorithm: "sha256", value: "6e8a0c2b4d6f8e0a2c4b6d8f0e2a4c6b8d0f2e4a6c8b0d2f4e6a8c0b2d4f6e8a" },
          { algorithm: "sha1", value: "9c1e3a5b7d9f1c3e5a7b9d1f3c5e7a9b1d3f5c7e" },
        ],
        domains: ["files.example-drop.net"],
        urls: ["https://files.example-drop.net/up/l.dmp"],
      },
      product: "Microsoft Defender for Endpoint",
    });
  });

  it.each([
    ["Informational", 1],
    ["Low", 2],
    ["Medium", 3],
    ["High", 4],
    ["UnSpecified", 0],
    ["high", 4],
    ["unknownFutureValue", 0],
    ["Catastrophic", 0],
  ])("maps severity %s to %i", (name, want) => {
    const a = run(withField(mdeAlert(), "severity", name));
    expect([a.severity, a.vendorSeverity]).toEqual([want, name]);
  });

  it("requires severity", () => {
    expect(payloadError(() => run(withField(mdeAlert(), "severity", undefined)))).toMatchObject({
      code: "missing_field",
      path: "severity",
    });
  });

  it("extracts techniques from mitreTechniques in any of the shapes seen in the wild", () => {
    const p = withField(mdeAlert(), "mitreTechniques", ["t1003.001", "Regsvr32 (T1218.010)", "CST0001", "T1003.001"]);
    expect(run(p).techniques).toEqual(["T1003.001", "T1218.010"]);
    expect(run(withField(mdeAlert(), "mitreTechniques", "T1003")).techniques).toEqual(["T1003"]);
    expect(run(withField(mdeAlert(), "mitreTechniques", [])).techniques).toEqual([]);
  });

  it("keeps the dedup key across re-ordered resends and the per-evidence rows of one alert", () => {
    const key = run(mdeAlert()).dedupKey;
    expect(run(resent(mdeAlert())).dedupKey).toBe(key);
    const [processRow, userRow] = mdeAlert().evidence;
    expect(run(withField(mdeAlert(), "evidence", processRow)).dedupKey).toBe(key);
    expect(run(withField(withField(mdeAlert(), "evidence", userRow), "status", "Resolved")).dedupKey).toBe(key);
  });

  it("reads one evidence object where an array is expected", () => {
    const a = run(withField(mdeAlert(), "evidence", mdeAlert().evidence[0]));
    expect(a.entities.processes).toHaveLength(1);
    expect(a.entities.hashes.map((h) => h.algorithm)).toEqual(["sha256", "sha1"]);
  });

  it("uses alertCreationTime when firstEventTime is absent, and needs one of them", () => {
    expect(run(withField(mdeAlert(), "firstEventTime", null)).eventTime).toEqual(new Date("2026-03-14T13:20:45.617Z"));
    const none = withField(withField(mdeAlert(), "firstEventTime", undefined), "alertCreationTime", undefined);
    expect(payloadError(() => run(none))).toMatchObject({ code: "missing_field", path: "firstEventTime" });
  });

  it("requires the id and names wrong types by path", () => {
    expect(payloadError(() => run(withField(mdeAlert(), "id", undefined)))).toMatchObject({
      code: "missing_field",
      path: "id",
    });
    expect(payloadError(() => run(withField(mdeAlert(), "evidence", "none")))).toMatchObject({
      code: "wrong_type",
      path: "evidence",
    });
    const p = mdeAlert();
    (p.evidence[0] as Record<string, unknown>).processCommandLine = ["cmd"];
    expect(payloadError(() => run(p))).toMatchObject({ code: "wrong_type", path: "evidence[0].processCommandLine" });
  });
});

describe("Defender via Microsoft Graph security alert v2", () => {
  it("normalises every field", () => {
    expect(run(graphAlert())).toEqual({
      kind: "alert",
      dedupKey: `defender:${GRAPH_ID}`,
      vendorAlertId: GRAPH_ID,
      vendorStatus: "inProgress",
      title: "Suspicious HTA file launched from Outlook",
      description: "An HTML application opened from an e-mail attachment started a script host.",
      severity: 3,
      vendorSeverity: "medium",
      eventTime: new Date("2026-03-14T15:01:12.900Z"),
      vendorCreatedAt: new Date("2026-03-14T15:02:30.100Z"),
      techniques: ["T1204.002", "T1218.005"],
      entities: {
        hosts: [
          {
            name: "hr-lt-0091.acmecorp.example",
            id: "3e5a7c9b1d3f5e7a9c1b3d5f7e9a1c3b5d7f9e1a",
            ips: ["10.60.4.12", "fe80::7a2b:1c3d:4e5f:6071"],
            os: "Windows11",
          },
        ],
        ips: ["10.60.4.12", "fe80::7a2b:1c3d:4e5f:6071", "198.51.100.23"],
        externalIps: [],
        users: ["l.ferreira@acmecorp.example"],
        processes: [
          {
            name: "mshta.exe",
            pid: "4410",
            path: "C:\\Windows\\System32",
            commandLine: 'mshta.exe "C:\\Users\\l.ferreira\\Downloads\\invoice.hta"',
            parentName: "OUTLOOK.EXE",
          },
        ],
        hashes: [
          { algorithm: "sha256", value: "8a0c2e4b6d8f0a2c4e6b8d0f2a4c6e8b0d2f4a6c8e0b2d4f6a8c0e2b4d6f8a0c" },
          { algorithm: "sha1", value: "1d3f5a7c9e1b3d5f7a9c1e3b5d7f9a1c3e5b7d9f" },
          { algorithm: "sha256", value: "0c2e4a6b8d0f2c4e6a8b0d2f4c6e8a0b2d4f6c8e0a2b4d6f8c0e2a4b6d8f0c2e" },
        ],
        domains: [],
        urls: ["http://198.51.100.23/payload.hta"],
      },
      product: "Microsoft Defender for Endpoint",
    });
  });

  it("names the product from serviceSource when productName is absent", () => {
    const p = withField(
      withField(graphAlert(), "productName", undefined),
      "serviceSource",
      "microsoftDefenderForIdentity",
    );
    expect(run(p).product).toBe("Microsoft Defender for Identity");
  });

  it("uses createdDateTime when firstActivityDateTime is absent", () => {
    expect(run(withField(graphAlert(), "firstActivityDateTime", undefined)).eventTime).toEqual(
      new Date("2026-03-14T15:02:30.100Z"),
    );
  });
});

describe("Defender payload errors", () => {
  it("rejects a payload that is not an object", () => {
    for (const v of NOT_OBJECTS) {
      expect(payloadError(() => normalizeDefender(v))).toMatchObject({ code: "not_object", path: "" });
    }
  });
});
