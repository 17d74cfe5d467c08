import { describe, expect, it } from "vitest";
import { alertOf, NOT_OBJECTS, payloadError, resent, withField } from "./fixtures/helpers";
import { fimChange, sshBruteForce, sysmonProcess } from "./fixtures/wazuh";
import { normalizeWazuh } from "./wazuh";

const run = (p: unknown) => alertOf(normalizeWazuh(p));

describe("Wazuh alert", () => {
  it("normalises every field of an sshd alert", () => {
    expect(run(sshBruteForce())).toEqual({
      kind: "alert",
      dedupKey: "wazuh:1773507824.8812345",
      vendorAlertId: "1773507824.8812345",
      vendorStatus: null,
      title: "sshd: brute force trying to get access to the system. Authentication failed.",
      description: "Mar 14 17:03:43 web-03 sshd[22031]: Failed password for root from 203.0.113.150 port 41920 ssh2",
      severity: 3,
      vendorSeverity: "10",
      eventTime: new Date("2026-03-14T17:03:44.120Z"),
      vendorCreatedAt: null,
      techniques: ["T1110.001"],
      entities: {
        hosts: [{ name: "web-03", id: "014", ips: ["10.70.0.23"] }],
        ips: ["10.70.0.23", "203.0.113.150"],
        externalIps: ["203.0.113.150"],
        users: ["root"],
        processes: [],
        hashes: [],
        domains: [],
        urls: [],
      },
      product: "Wazuh",
    });
  });

  it("reads Windows event data (Sysmon process creation)", () => {
    expect(run(sysmonProcess())).toEqual({
      kind: "alert",
      dedupKey: "wazuh:1773508202.9912001",
      vendorAlertId: "1773508202.9912001",
      vendorStatus: null,
      title: "Powershell process spawned by Microsoft Word",
      description: null,
      severity: 4,
      vendorSeverity: "12",
      eventTime: new Date("2026-03-14T17:10:02.871Z"),
      vendorCreatedAt: null,
      techniques: ["T1059.001", "T1566.001"],
      entities: {
        hosts: [{ name: "FIN-WS-0150", id: "027", ips: ["10.40.12.90"] }],
        ips: ["10.40.12.90"],
        externalIps: [],
        users: ["ACMECORP\\k.tan"],
        processes: [
          {
            name: "powershell.exe",
            pid: "4242",
            path: "C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe",
            commandLine: "powershell.exe -nop -w hidden -c IEX(New-Object Net.WebClient)",
            parentName: "WINWORD.EXE",
          },
        ],
        hashes: [
          { algorithm: "sha1", value: "2d4f6a8c0e2b4d6f8a0c2e4b6d8f0a2c4e6b8d0f" },
          { algorithm: "md5", value: "4f6a8c0e2b4d6f8a0c2e4b6d8f0a2c4e" },
          { algorithm: "sha256", value: "6a8c0e2b4d6f8a0c2e4b6d8f0a2c4e6b8d0f2a4c6e8b0d2f4a6c8e0b2d4f6a8c" },
        ],
        domains: [],
        urls: [],
      },
      product: "Wazuh",
    });
  });

  it("reads file-integrity hashes and owner", () => {
    expect(run(fimChange()).entities).toMatchObject({
      users: ["root"],
      hashes: [
        { algorithm: "sha256", value: "c2e4b6d8f0a2c4e6b8d0f2a4c6e8b0d2f4a6c8e0b2d4f6a8c0e2b4d6f8a0c2e4" },
        { algorithm: "sha1", value: "a0c2e4b6d8f0a2c4e6b8d0f2a4c6e8b0d2f4a6c8" },
        { algorithm: "md5", value: "8c0e2b4d6f8a0c2e4b6d8f0a2c4e6b8d" },
      ],
    });
    expect(run(fimChange()).techniques).toEqual([]);
  });

  it.each([
    [0, 1],
    [3, 1],
    [4, 2],
    [6, 2],
    [7, 3],
    [11, 3],
    [12, 4],
    [14, 4],
    [15, 5],
    [16, 5],
    ["12", 4],
  ])("maps rule.level %j to %i", (level, want) => {
    const a = run(withField(sshBruteForce(), "rule.level", level));
    expect([a.severity, a.vendorSeverity]).toEqual([want, String(level)]);
  });

  it("rejects a level out of 0–16, not an integer, or missing", () => {
    for (const level of [17, -1, 99]) {
      expect(payloadError(() => run(withField(sshBruteForce(), "rule.level", level)))).toMatchObject({
        code: "out_of_range",
        path: "rule.level",
      });
    }
    expect(payloadError(() => run(withField(sshBruteForce(), "rule.level", "high")))).toMatchObject({
      code: "wrong_type",
      path: "rule.level",
    });
    expect(payloadError(() => run(withField(sshBruteForce(), "rule.level", undefined)))).toMatchObject({
      code: "missing_field",
      path: "rule.level",
    });
  });

  it("reads rule.mitre.id whatever the case, as an array or a single string", () => {
    expect(run(withField(sshBruteForce(), "rule.mitre.id", ["t1110", "T1110"])).techniques).toEqual(["T1110"]);
    expect(run(withField(sshBruteForce(), "rule.mitre.id", "T1078.003")).techniques).toEqual(["T1078.003"]);
    expect(run(withField(sshBruteForce(), "rule.mitre", undefined)).techniques).toEqual([]);
  });

  it("keys on id, stable across re-ordered resends", () => {
    expect(run(resent(sshBruteForce())).dedupKey).toBe(run(sshBruteForce()).dedupKey);
    expect(run(withField(sshBruteForce(), "rule.firedtimes", 3)).dedupKey).toBe(run(sshBruteForce()).dedupKey);
  });

  it("requires id (legacy OSSEC-era alerts have none)", () => {
    expect(payloadError(() => run(withField(sshBruteForce(), "id", undefined)))).toMatchObject({
      code: "missing_field",
      path: "id",
    });
  });

  it("reads the legacy timestamp as UTC and an integer rule.id", () => {
    let p = withField(sshBruteForce(), "timestamp", "2026 Mar 14 17:03:44");
    p = withField(withField(p, "rule.id", 5402), "rule.description", undefined);
    const a = run(p);
    expect(a.eventTime).toEqual(new Date("2026-03-14T17:03:44Z"));
    expect(a.title).toBe("Wazuh rule 5402");
  });

  it("reads decoded fields that OSSEC-era alerts put at the top level", () => {
    const p = { ...withField(sshBruteForce(), "data", undefined), srcuser: "deploy", dstuser: "root" };
    expect(run(p).entities.users).toEqual(["deploy", "root"]);
  });

  it("requires a readable timestamp", () => {
    expect(payloadError(() => run(withField(sshBruteForce(), "timestamp", undefined)))).toMatchObject({
      code: "missing_field",
      path: "timestamp",
    });
    expect(payloadError(() => run(withField(sshBruteForce(), "timestamp", "2026-13-40T00:00:00Z")))).toMatchObject({
      code: "invalid_value",
      path: "timestamp",
    });
  });

  it("requires rule as an object", () => {
    expect(payloadError(() => run(withField(sshBruteForce(), "rule", undefined)))).toMatchObject({
      code: "missing_field",
      path: "rule",
    });
    expect(payloadError(() => run(withField(sshBruteForce(), "rule", "5763")))).toMatchObject({
      code: "wrong_type",
      path: "rule",
    });
  });

  it("rejects a payload that is not an object", () => {
    for (const v of NOT_OBJECTS) {
      expect(payloadError(() => normalizeWazuh(v))).toMatchObject({ code: "not_object", path: "" });
    }
  });
});
