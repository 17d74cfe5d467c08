/**
 * CrowdStrike Falcon. Two shapes:
 * - the Alerts API detection (`/alerts/entities/alerts/v2`): snake_case, `composite_id`, `device{…}`;
 * - Event Streams (`metadata.eventType` + `event{…}`), of which only `EppDetectionSummaryEvent` (and the older
 *   `DetectionSummaryEvent`) are detections; every other event type (AuthActivityAuditEvent, …) is ignored. The same
 *   detection fields also arrive flattened or wrapped by FDR / SIEM exports, marked by `ExternalApiType`
 *   ("Event_EppDetectionSummaryEvent"); those are read the same way.
 */
import type { NormalizedAlert, Normalizer, SeverityId } from "../types";
import {
  dedupKey,
  EntityCollector,
  enumStr,
  first,
  get,
  int,
  missingField,
  namedSeverity,
  type Obj,
  obj,
  objs,
  root,
  str,
  strs,
  techniqueIds,
  time,
} from "./read";

const PRODUCT = "Falcon";
const DETECTION_EVENTS = new Set(["EppDetectionSummaryEvent", "DetectionSummaryEvent"]);
const isDetection = (type: string) => DETECTION_EVENTS.has(type.replace(/^Event_/, ""));

export const normalizeCrowdstrike: Normalizer = (payload) => {
  const p = root(payload);
  const meta = obj(p, "metadata");
  const eventType = meta && str(meta, "eventType");
  if (eventType !== undefined) {
    if (!isDetection(eventType)) return { kind: "ignored", reason: `CrowdStrike ${eventType} is not a detection.` };
    return fromDetectionEvent(obj(p, "event", { required: true }), p, meta);
  }
  if (get(p, "composite_id") !== undefined) return fromApi(p);
  const wrapped = obj(p, "event");
  const apiType = first(
    wrapped && str(wrapped, "ExternalApiType"),
    str(p, "ExternalApiType"),
    str(p, "fdr_event_type"),
  );
  if (apiType !== undefined) {
    if (!isDetection(apiType)) return { kind: "ignored", reason: `CrowdStrike ${apiType} is not a detection.` };
    return fromDetectionEvent(wrapped ?? p, p, undefined);
  }
  // Neither shape is recognisable: the API shape's identity is what is missing.
  throw missingField(p, "composite_id");
};

/** Contract: `severity_name` if it is one of the five names, else numeric `severity` 0–100 in bands of 20. */
function severityOf(o: Obj, namePath: string, numberPath: string): { severity: SeverityId; vendorSeverity: string } {
  const name = enumStr(o, namePath);
  const n = int(o, numberPath, { min: 0, max: 100 }); // validated even when the name decides
  const named = namedSeverity(name);
  if (name !== undefined && named !== undefined && named > 0) return { severity: named, vendorSeverity: name };
  if (n !== undefined) {
    const severity: SeverityId = n < 20 ? 1 : n < 40 ? 2 : n < 60 ? 3 : n < 80 ? 4 : 5;
    return { severity, vendorSeverity: String(n) };
  }
  if (name !== undefined) return { severity: 0, vendorSeverity: name };
  throw missingField(o, numberPath);
}

function ioc(e: EntityCollector, type: string | undefined, value: string | undefined) {
  const t = type?.toLowerCase() ?? "";
  if (t === "domain") e.domain(value);
  else if (t.startsWith("ipv")) e.ip(value);
  else if (t === "url") e.url(value);
  else if (t.startsWith("hash_")) e.hash(value);
}

/** Alerts API v2 detection. */
function fromApi(p: Obj): NormalizedAlert {
  const compositeId = str(p, "composite_id", { required: true });
  const e = new EntityCollector();
  const device = obj(p, "device");
  if (device) {
    e.host({
      name: str(device, "hostname"),
      id: str(device, "device_id"),
      ips: [str(device, "local_ip")],
      os: first(str(device, "os_version"), str(device, "platform_name")),
    });
    // The device's NAT / egress address: an IP of the alert, not the attacker's, and shared by every host behind it.
    e.ip(str(device, "external_ip"));
  }
  // The detected process's connections: the local end is the host's, the public remote end is the attacker side.
  for (const n of objs(p, "network_accesses")) {
    e.ip(str(n, "local_address"));
    e.ipWithSide(str(n, "remote_address"));
  }
  e.user(str(p, "user_name"));
  e.user(str(p, "user_principal"));
  const parent = obj(p, "parent_details");
  e.process({
    name: str(p, "filename"),
    pid: str(p, "local_process_id"),
    path: str(p, "filepath"),
    commandLine: str(p, "cmdline"),
    parentName: parent && str(parent, "filename"),
  });
  if (parent) {
    e.process({
      name: str(parent, "filename"),
      pid: str(parent, "local_process_id"),
      path: str(parent, "filepath"),
      commandLine: str(parent, "cmdline"),
    });
  }
  e.hash(str(p, "sha256"), "sha256");
  e.hash(str(p, "sha1"), "sha1");
  e.hash(str(p, "md5"), "md5");
  ioc(e, str(p, "ioc_type"), str(p, "ioc_value"));

  const created = time(p, "created_timestamp");
  const eventTime = time(p, "timestamp") ?? created;
  if (!eventTime) throw missingField(p, "timestamp");

  return {
    kind: "alert",
    dedupKey: dedupKey("crowdstrike", compositeId),
    vendorAlertId: compositeId,
    vendorStatus: str(p, "status") ?? null,
    title: first(str(p, "display_name"), str(p, "name"), str(p, "scenario")) ?? "CrowdStrike detection",
    description: str(p, "description") ?? null,
    ...severityOf(p, "severity_name", "severity"),
    eventTime,
    vendorCreatedAt: created ?? null,
    techniques: techniqueIds([str(p, "technique_id"), ...objs(p, "mitre_attack").map((m) => str(m, "technique_id"))]),
    entities: e.build(),
    product: PRODUCT,
  };
}

/**
 * EppDetectionSummaryEvent (Event Streams `event{}`, or the same fields flattened / FDR-wrapped).
 *
 * Dedup id: `CompositeId` (the same identifier the Alerts API calls `composite_id`, so a detection received by both
 * channels is one alert), else the legacy `DetectId` ("ldt:…") of the older DetectionSummaryEvent.
 * Event time: `ProcessStartTime` (when the detected activity began; a zero placeholder is skipped), else the FDR
 * `UTCTimestamp` / `timestamp`, else `metadata.eventCreationTime` (when Falcon raised the detection).
 */
function fromDetectionEvent(ev: Obj, outer: Obj, meta: Obj | undefined): NormalizedAlert {
  const id = first(str(ev, "CompositeId"), str(ev, "DetectId")) ?? str(ev, "CompositeId", { required: true });
  const created = meta ? time(meta, "eventCreationTime") : undefined;
  let eventTime: Date | undefined;
  for (const path of ["ProcessStartTime", "UTCTimestamp", "timestamp"]) {
    const t = time(ev, path);
    if (t && t.getTime() !== 0) {
      eventTime = t;
      break;
    }
  }
  eventTime ??= created;
  if (!eventTime) throw missingField(ev, "ProcessStartTime");

  const e = new EntityCollector();
  e.host({
    name: first(str(ev, "ComputerName"), str(ev, "Hostname"), str(outer, "Hostname")),
    id: first(str(ev, "SensorId"), str(ev, "AgentIdString"), str(outer, "aid")),
    ips: [str(ev, "LocalIP")],
  });
  e.ip(str(ev, "OriginSourceIpAddress"));
  e.user(str(ev, "UserName"));
  e.process({
    name: str(ev, "FileName"),
    pid: str(ev, "ProcessId"),
    path: str(ev, "FilePath"),
    commandLine: str(ev, "CommandLine"),
    parentName: str(ev, "ParentImageFileName"),
  });
  e.process({
    name: str(ev, "ParentImageFileName"),
    pid: str(ev, "ParentProcessId"),
    commandLine: str(ev, "ParentCommandLine"),
  });
  e.hash(str(ev, "SHA256String"), "sha256");
  e.hash(str(ev, "SHA1String"), "sha1");
  e.hash(str(ev, "MD5String"), "md5");
  ioc(e, str(ev, "IOCType"), str(ev, "IOCValue"));

  return {
    kind: "alert",
    dedupKey: dedupKey("crowdstrike", id),
    vendorAlertId: id,
    vendorStatus: null,
    title: first(str(ev, "DetectName"), str(ev, "Name")) ?? "CrowdStrike detection",
    description: first(str(ev, "DetectDescription"), str(ev, "Description")) ?? null,
    ...severityOf(ev, "SeverityName", "Severity"),
    eventTime,
    vendorCreatedAt: created ?? null,
    techniques: techniqueIds([...strs(ev, "TechniqueId"), ...strs(ev, "Technique")]),
    entities: e.build(),
    product: PRODUCT,
  };
}
