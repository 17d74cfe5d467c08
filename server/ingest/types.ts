/**
 * The normalised alert: what every vendor normaliser (server/ingest/normalize/<vendor>.ts) produces from one payload.
 * OCSF-based; see the intake contract. Pure data, no database types.
 */
import { SOURCE_FORMATS } from "@/db/schema/sensors";

export { SOURCE_FORMATS };
export type SourceFormat = (typeof SOURCE_FORMATS)[number];

/** OCSF severity_id: 0 Unknown, 1 Informational, 2 Low, 3 Medium, 4 High, 5 Critical. */
export type SeverityId = 0 | 1 | 2 | 3 | 4 | 5;

export type HostEntity = {
  /** Hostname or FQDN as the vendor wrote it. */
  name?: string;
  /** Agent / device / sensor id of the host, when the vendor has one. */
  id?: string;
  /** IPs the vendor says belong to this host. */
  ips?: string[];
  os?: string;
};
export type ProcessEntity = { name?: string; pid?: string; path?: string; commandLine?: string; parentName?: string };
export type HashEntity = { algorithm: "md5" | "sha1" | "sha256" | "other"; value: string };

export type Entities = {
  hosts: HostEntity[];
  /** Every IP in the alert (host IPs included). */
  ips: string[];
  /** External / attacker-side IPs (source of an inbound attack, destination of C2). */
  externalIps: string[];
  /** As written: DOMAIN\\user, user@upn, or a bare name. */
  users: string[];
  processes: ProcessEntity[];
  hashes: HashEntity[];
  domains: string[];
  urls: string[];
};

export type NormalizedAlert = {
  kind: "alert";
  /** Identity of the vendor alert within one customer: the same alert again has the same key (contract: Dedup key). */
  dedupKey: string;
  vendorAlertId: string | null;
  vendorStatus: string | null;
  title: string;
  description: string | null;
  severity: SeverityId;
  /** The vendor's own severity value, as a string (e.g. "High", "70", "E_CRITICAL"). */
  vendorSeverity: string | null;
  /** Event time from the payload. */
  eventTime: Date;
  /** Vendor's creation time of the alert, when distinct from the event time. */
  vendorCreatedAt: Date | null;
  /** Candidate ATT&CK ids as found (upper-cased, shape-checked); the intake keeps only ids in the shipped dataset. */
  techniques: string[];
  entities: Entities;
  /** Product that raised it (e.g. "Falcon", "Suricata 7", "Okta"). */
  product: string | null;
};

export type NormalizeResult =
  | NormalizedAlert
  | { kind: "ignored"; reason: string }
  | { kind: "health"; note: string; message: string | null; eventTime: Date | null };

/**
 * A payload that is valid JSON but does not fit the vendor schema: 422 with the field path (contract: "JSON that is
 * not an object, required field missing, wrong type, value out of range").
 */
export class PayloadError extends Error {
  constructor(
    readonly code: "not_object" | "missing_field" | "wrong_type" | "out_of_range" | "invalid_value",
    message: string,
    /** JSON-pointer-like path of the offending field, e.g. "alert.severity" or "threatInfo.threatId". */
    readonly path: string,
  ) {
    super(message);
    this.name = "PayloadError";
  }
}

export type Normalizer = (payload: unknown) => NormalizeResult;

export const emptyEntities = (): Entities => ({
  hosts: [],
  ips: [],
  externalIps: [],
  users: [],
  processes: [],
  hashes: [],
  domains: [],
  urls: [],
});
