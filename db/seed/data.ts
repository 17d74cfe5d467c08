import type { Tier } from "@/db/schema/contracts";
import type { SensorClass, XdrProvidedClass } from "@/db/schema/sensors";
import type { CustomerRole, StaffRole } from "@/db/schema/tenancy";
import type { ContactFields, CreateCustomerInput } from "@/server/customers/schema";
import type { SourceFormat } from "@/server/ingest/types";
import type { ThreatLevel } from "./plan";

/** The demo provider and its customers: fixed data, so every seed of a fresh database is the same. */
export const DEMO_PASSWORD = "watchkeeper-demo";

export const provider = {
  name: "Northwatch Security",
  legalName: "Northwatch Security Operations Ltd",
  primaryColor: "#0f766e",
  accentColor: "#f59e0b",
  supportEmail: "soc@northwatch.example",
  /** A shield with a watchful eye and the letters NW, drawn with paths only (the report cover draws it). */
  logoSvg: `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 150 64">
  <path d="M32 4 L56 12 V30 C56 45 46 56 32 60 C18 56 8 45 8 30 V12 Z" fill="#0f766e"/>
  <path d="M14 32 C20 23 26 19 32 19 C38 19 44 23 50 32 C44 41 38 45 32 45 C26 45 20 41 14 32 Z" fill="#ffffff"/>
  <circle cx="32" cy="32" r="7" fill="#0f766e"/>
  <circle cx="32" cy="32" r="3" fill="#f59e0b"/>
  <path d="M72 46 V18 H78 L92 37 V18 H98 V46 H92 L78 27 V46 Z" fill="#0f172a"/>
  <path d="M104 18 H110 L114 38 L120 18 H125 L131 38 L135 18 H141 L134 46 H128 L122.5 27 L117 46 H111 Z" fill="#0f172a"/>
</svg>`,
};

export const staff: { name: string; email: string; role: StaffRole }[] = [
  { name: "Morgan Reyes", email: "admin@northwatch.example", role: "admin" },
  { name: "Aisha Okafor", email: "manager@northwatch.example", role: "soc_manager" },
  { name: "Lukas Brandt", email: "lukas.brandt@northwatch.example", role: "analyst" },
  { name: "Mei Tanaka", email: "mei.tanaka@northwatch.example", role: "analyst" },
  { name: "Diego Alvarez", email: "diego.alvarez@northwatch.example", role: "analyst" },
];

type DemoSensor = {
  format: SourceFormat;
  name: string;
  site: string;
  /** Class when it differs from the format's usual one; an xdr sensor lists what it provides. */
  sensorClass?: SensorClass;
  provides?: XdrProvidedClass[];
  /** Endpoints an EDR agent reports (other classes report none). */
  hosts?: number;
  version: string;
  /** Deliberate problems for the coverage views. */
  silentForHours?: number;
  outage?: { daysAgo: number; minutes: number };
};
/** The contract sold: tier, calendar, and a few terms that differ from the tier's template (for the demo's warnings). */
type DemoContract = {
  tier: Tier;
  reference: string;
  businessHours?: boolean;
  /** Days before the seed's "today" that the term started; its length in days. */
  startedDaysAgo: number;
  termDays: number;
  noticeDays?: number;
  licensedEndpoints?: number;
  licensedSensors?: number;
  autoRenew?: boolean;
  /** The classes sold, when they differ from the tier's (coverage-rules.md: they replace it). */
  monitoredClasses?: Exclude<SensorClass, "xdr">[];
};
type DemoCustomer = CreateCustomerInput & {
  users: { name: string; email: string; role: CustomerRole }[];
  contacts: ContactFields[];
  /** Host name prefix and AD domain for generated alerts. */
  hostPrefix: string;
  adDomain: string;
  dnsDomain: string;
  sensors: DemoSensor[];
  contract: DemoContract;
  /**
   * How much attackers go after the customer (plan.ts): how often its stories start and how serious they are. The
   * threats driver of its posture score follows from it, so the demo's scores differ for a reason one can name.
   */
  threatLevel: ThreatLevel;
};

/** Agent versions the provider no longer supports (a sensor on one is degraded). */
export const unsupportedVersions = [
  { vendor: "OISF", product: "Suricata", version: "6.0.3", note: "End of life; upgrade to 7.0." },
  { vendor: "CrowdStrike", product: "Falcon Insight", version: "6.45.14203", note: "Sensor build out of support." },
];

const everyone = ["critical", "high", "medium", "low"] as const;

export const customers: DemoCustomer[] = [
  {
    name: "Halvorsen Logistics",
    slug: "halvorsen",
    // A logistics firm: the usual commodity attacks, now and then a real intrusion attempt.
    threatLevel: "steady",
    contract: {
      tier: "mndr",
      reference: "HAL-MNDR-2026",
      startedDaysAgo: 200,
      termDays: 365,
      monitoredClasses: ["ndr", "edr"],
    },
    hostPrefix: "HAL",
    adDomain: "HALVORSEN",
    dnsDomain: "halvorsen.example",
    sensors: [
      { format: "crowdstrike", name: "Falcon — all endpoints", site: "Oslo HQ", hosts: 212, version: "7.18.17506" },
      { format: "zeek", name: "Zeek — DC uplink", site: "Oslo data centre", version: "6.2.1" },
    ],
    industry: "Logistics",
    country: "NO",
    timezone: "Europe/Oslo",
    users: [
      { name: "Ingrid Halvorsen", email: "ingrid@halvorsen.example", role: "admin" },
      { name: "Per Nilsen", email: "per@halvorsen.example", role: "viewer" },
    ],
    contacts: [
      {
        name: "Ingrid Halvorsen",
        email: "ingrid@halvorsen.example",
        phone: "+47 22 00 11 22",
        role: "CISO",
        severities: ["critical", "high"],
        channels: ["email", "phone"],
        receivesReports: true,
      },
      {
        name: "IT Service Desk",
        email: "servicedesk@halvorsen.example",
        phone: "+47 22 00 11 00",
        role: "IT operations",
        severities: [...everyone],
        channels: ["email"],
        receivesReports: false,
      },
    ],
  },
  {
    name: "Meridian Health Partners",
    slug: "meridian-health",
    // Healthcare: ransomware crews go after hospital groups; attacked most weeks.
    threatLevel: "elevated",
    contract: {
      tier: "mxdr",
      reference: "MHP-MXDR-2025",
      startedDaysAgo: 320,
      termDays: 365,
      noticeDays: 30,
      monitoredClasses: ["edr", "ndr", "identity", "cloud", "siem"],
    },
    hostPrefix: "MHP",
    adDomain: "MERIDIAN",
    dnsDomain: "meridianhealth.example",
    sensors: [
      { format: "defender", name: "Defender for Endpoint", site: "All clinics", hosts: 184, version: "10.8760.19041" },
      { format: "suricata", name: "Suricata — core switch", site: "Chicago DC", version: "7.0.8" },
      { format: "wazuh", name: "Wazuh — EHR servers", site: "Chicago DC", version: "4.9.2" },
      {
        format: "ocsf",
        name: "Microsoft Defender XDR (OCSF)",
        site: "Microsoft 365",
        sensorClass: "xdr",
        provides: ["identity", "cloud"],
        version: "2026.11",
        outage: { daysAgo: 9, minutes: 95 },
      },
    ],
    industry: "Healthcare",
    country: "US",
    timezone: "America/Chicago",
    users: [
      { name: "Priya Natarajan", email: "priya@meridianhealth.example", role: "admin" },
      { name: "Tom Becker", email: "tom@meridianhealth.example", role: "viewer" },
    ],
    contacts: [
      {
        name: "Priya Natarajan",
        email: "priya@meridianhealth.example",
        phone: "+1 312 555 0142",
        role: "Director of Security",
        severities: ["critical", "high", "medium"],
        channels: ["email", "phone", "sms"],
        receivesReports: true,
      },
      {
        name: "Compliance Office",
        email: "compliance@meridianhealth.example",
        phone: null,
        role: "HIPAA compliance",
        severities: ["critical"],
        channels: ["email"],
        receivesReports: true,
      },
    ],
  },
  {
    name: "Kestrel Bank",
    slug: "kestrel-bank",
    // A bank: phishing, credential theft and fraud attempts every week.
    threatLevel: "targeted",
    contract: { tier: "mxdr", reference: "KST-MXDR-2026", startedDaysAgo: 150, termDays: 730, licensedEndpoints: 20 },
    hostPrefix: "KST",
    adDomain: "KESTREL",
    dnsDomain: "kestrelbank.example",
    sensors: [
      {
        format: "crowdstrike",
        name: "Falcon — workstations and servers",
        site: "London",
        hosts: 38,
        version: "7.18.17506",
      },
      { format: "suricata", name: "Suricata — internet edge", site: "London", version: "7.0.8" },
      { format: "ocsf", name: "Okta ITP (OCSF)", site: "Cloud", sensorClass: "identity", version: "2026.10" },
    ],
    industry: "Financial services",
    country: "GB",
    timezone: "Europe/London",
    users: [
      { name: "Oliver Grant", email: "oliver.grant@kestrelbank.example", role: "admin" },
      { name: "Hannah Price", email: "hannah.price@kestrelbank.example", role: "viewer" },
    ],
    contacts: [
      {
        name: "Oliver Grant",
        email: "oliver.grant@kestrelbank.example",
        phone: "+44 20 7946 0321",
        role: "CISO",
        severities: ["critical", "high"],
        channels: ["email", "phone"],
        receivesReports: true,
      },
      {
        name: "Fraud & Security Desk",
        email: "secdesk@kestrelbank.example",
        phone: "+44 20 7946 0999",
        role: "24/7 desk",
        severities: [...everyone],
        channels: ["email", "phone"],
        receivesReports: false,
      },
    ],
  },
  {
    name: "Sakura Precision Components",
    slug: "sakura-precision",
    // A manufacturer: opportunistic attacks on the office side, rarely serious.
    threatLevel: "steady",
    contract: {
      tier: "mdr",
      reference: "SKR-MDR-2026",
      startedDaysAgo: 120,
      termDays: 365,
      licensedSensors: 1,
      monitoredClasses: ["edr", "siem"],
    },
    hostPrefix: "SKR",
    adDomain: "SAKURA",
    dnsDomain: "sakura-precision.example",
    sensors: [
      {
        format: "sentinelone",
        name: "SentinelOne — factory and office",
        site: "Nagoya plant",
        hosts: 143,
        version: "24.1.4",
      },
      { format: "wazuh", name: "Wazuh — OT jump hosts", site: "Nagoya plant", version: "4.9.2" },
    ],
    industry: "Manufacturing",
    country: "JP",
    timezone: "Asia/Tokyo",
    users: [
      { name: "Kenji Watanabe", email: "kenji@sakura-precision.example", role: "admin" },
      { name: "Yui Sato", email: "yui@sakura-precision.example", role: "viewer" },
    ],
    contacts: [
      {
        name: "Kenji Watanabe",
        email: "kenji@sakura-precision.example",
        phone: "+81 3 5555 0101",
        role: "IT manager",
        severities: [...everyone],
        channels: ["email"],
        receivesReports: true,
      },
    ],
  },
  {
    name: "Müller Energie AG",
    slug: "mueller-energie",
    // Energy and utilities: critical infrastructure draws serious attackers most weeks.
    threatLevel: "elevated",
    contract: {
      tier: "mndr",
      reference: "MEA-MNDR-2026",
      startedDaysAgo: 250,
      termDays: 365,
      monitoredClasses: ["ndr", "edr"],
    },
    hostPrefix: "MEA",
    adDomain: "MUELLER",
    dnsDomain: "mueller-energie.example",
    sensors: [
      { format: "defender", name: "Defender for Endpoint", site: "Berlin", hosts: 96, version: "10.8760.19041" },
      { format: "zeek", name: "Zeek — OT segment", site: "Umspannwerk Nord", version: "6.2.1" },
      // 6.0.3 is on the provider's unsupported list: with the Zeek's capture loss, the NDR cell is degraded.
      { format: "suricata", name: "Suricata — IT/OT boundary", site: "Berlin", version: "6.0.3" },
    ],
    industry: "Energy & utilities",
    country: "DE",
    timezone: "Europe/Berlin",
    users: [
      { name: "Jürgen Müller", email: "juergen.mueller@mueller-energie.example", role: "admin" },
      { name: "Zoë Schäfer", email: "zoe.schaefer@mueller-energie.example", role: "viewer" },
    ],
    contacts: [
      {
        name: "Jürgen Müller",
        email: "juergen.mueller@mueller-energie.example",
        phone: "+49 30 555 0188",
        role: "Head of OT security",
        severities: ["critical", "high"],
        channels: ["email", "phone", "sms"],
        receivesReports: true,
      },
      {
        name: "Leitstelle",
        email: "leitstelle@mueller-energie.example",
        phone: "+49 30 555 0100",
        role: "Control room",
        severities: ["critical"],
        channels: ["phone"],
        receivesReports: false,
      },
    ],
  },
  {
    name: "Southern Cross Council",
    slug: "southern-cross",
    // A council: scans and phishing against public services, few of them serious.
    threatLevel: "steady",
    contract: { tier: "mss", reference: "SCC-MSS-2026", businessHours: true, startedDaysAgo: 180, termDays: 365 },
    hostPrefix: "SCC",
    adDomain: "SCCOUNCIL",
    dnsDomain: "southerncross.example",
    sensors: [
      { format: "wazuh", name: "Wazuh — council servers", site: "Sydney", version: "4.9.2" },
      { format: "ocsf", name: "Firewall findings (OCSF)", site: "Sydney", sensorClass: "siem", version: "2026.09" },
    ],
    industry: "Public sector",
    country: "AU",
    timezone: "Australia/Sydney",
    users: [
      { name: "Grace Mitchell", email: "grace.mitchell@southerncross.example", role: "admin" },
      { name: "Liam O'Connor", email: "liam.oconnor@southerncross.example", role: "viewer" },
    ],
    contacts: [
      {
        name: "Grace Mitchell",
        email: "grace.mitchell@southerncross.example",
        phone: "+61 2 5550 1234",
        role: "IT security lead",
        severities: ["critical", "high", "medium"],
        channels: ["email", "phone"],
        receivesReports: true,
      },
    ],
  },
  {
    name: "Andes Mining Cooperative",
    slug: "andes-mining",
    // A remote mining cooperative with a small footprint: few attackers look its way.
    threatLevel: "quiet",
    contract: {
      tier: "mdr",
      reference: "AMC-MDR-2026",
      startedDaysAgo: 100,
      termDays: 365,
      autoRenew: false,
      monitoredClasses: ["edr", "ndr"],
    },
    hostPrefix: "AMC",
    adDomain: "ANDES",
    dnsDomain: "andesmining.example",
    sensors: [
      { format: "sentinelone", name: "SentinelOne — sites", site: "Antofagasta", hosts: 61, version: "24.1.4" },
      // The site link's sensor has been silent for days (the mine's uplink is down).
      { format: "suricata", name: "Suricata — site links", site: "Antofagasta", version: "7.0.8", silentForHours: 74 },
    ],
    industry: "Other",
    country: "CL",
    timezone: "America/Santiago",
    users: [
      { name: "Camila Rojas", email: "camila.rojas@andesmining.example", role: "admin" },
      { name: "Matías Fuentes", email: "matias.fuentes@andesmining.example", role: "viewer" },
    ],
    contacts: [
      {
        name: "Camila Rojas",
        email: "camila.rojas@andesmining.example",
        phone: "+56 2 2555 0142",
        role: "CIO",
        severities: ["critical", "high"],
        channels: ["email", "sms"],
        receivesReports: true,
      },
    ],
  },
];
