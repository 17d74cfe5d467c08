/**
 * SentinelOne. Two shapes:
 * - a threat from `/web/api/v2.1/threats` (`threatInfo`, `agentRealtimeInfo`, `agentDetectionInfo`, `indicators[]`);
 * - an activity-feed item (`activityType`, `data{…}`; some pipelines lower-case every key, so keys are matched
 *   without regard to case). An activity about a threat (`threatId`) is that threat; a STAR / custom-rule alert
 *   (`data.alertId`) is an alert of its own; any other activity (agent scans, logins, policy changes) is ignored.
 */
import type { NormalizedAlert, Normalizer, SeverityId } from "../types";
import {
  dedupKey,
  EntityCollector,
  enumStr,
  first,
  get,
  int,
  keyOf,
  missingField,
  type Obj,
  obj,
  objs,
  root,
  str,
  strs,
  techniqueIds,
  time,
} from "./read";

const PRODUCT = "SentinelOne";

export const normalizeSentinelone: Normalizer = (payload) => {
  const p = root(payload);
  if (get(p, "threatInfo") !== undefined) return fromThreat(p);
  if (get(p, keyOf(p, "activityType")) !== undefined) return fromActivity(p);
  throw missingField(p, "threatInfo.threatId");
};

/** Contract: `confidenceLevel` malicious → 4, suspicious → 3, anything else (or none) → 2. Mitigation never lowers it. */
function severityOf(confidence: string | undefined): SeverityId {
  const c = confidence?.trim().toLowerCase();
  return c === "malicious" ? 4 : c === "suspicious" ? 3 : 2;
}

const splitIps = (v: string | undefined) => (v ? v.split(/[,\s]+/) : []);

function fromThreat(p: Obj): NormalizedAlert {
  const ti = obj(p, "threatInfo", { required: true });
  const threatId = str(ti, "threatId", { required: true });
  const identified = time(ti, "identifiedAt");
  const created = time(ti, "createdAt");
  const eventTime = identified ?? created;
  if (!eventTime) throw missingField(ti, "identifiedAt");
  const confidence = enumStr(ti, "confidenceLevel");

  const e = new EntityCollector();
  const rt = obj(p, "agentRealtimeInfo");
  const det = obj(p, "agentDetectionInfo");
  const hostIps = [
    ...splitIps(det && str(det, "agentIpV4")),
    ...splitIps(det && str(det, "agentIpV6")),
    ...(rt ? objs(rt, "networkInterfaces").flatMap((n) => [...strs(n, "inet"), ...strs(n, "inet6")]) : []),
  ];
  e.host({
    name: first(rt && str(rt, "agentComputerName"), det && str(det, "agentComputerName")),
    id: first(rt && str(rt, "agentId"), det && str(det, "agentId")),
    ips: hostIps,
    os: first(rt && str(rt, "agentOsName"), det && str(det, "agentOsName")),
  });
  // The agent's egress (NAT) address: part of the alert, but shared by every host behind it, so not a host IP.
  e.ip(det && str(det, "externalIp"));
  e.user(str(ti, "processUser"));
  if (det) {
    e.user(str(det, "agentLastLoggedInUpn"));
    e.user(str(det, "agentLastLoggedInUserName"));
  }
  e.process({ name: str(ti, "originatorProcess"), commandLine: str(ti, "maliciousProcessArguments") });
  e.hash(str(ti, "sha256"), "sha256");
  e.hash(str(ti, "sha1"), "sha1");
  e.hash(str(ti, "md5"), "md5");

  const techniques = techniqueIds(
    objs(p, "indicators").flatMap((ind) =>
      objs(ind, "tactics").flatMap((t) => objs(t, "techniques").map((x) => str(x, "name"))),
    ),
  );

  return {
    kind: "alert",
    dedupKey: dedupKey("sentinelone", threatId),
    vendorAlertId: threatId,
    vendorStatus: first(str(ti, "incidentStatus"), str(ti, "mitigationStatus")) ?? null,
    title: first(str(ti, "threatName"), str(ti, "fileDisplayName"), str(ti, "classification")) ?? "SentinelOne threat",
    description: null,
    severity: severityOf(confidence),
    vendorSeverity: confidence ?? null,
    eventTime,
    vendorCreatedAt: created ?? null,
    techniques,
    entities: e.build(),
    product: PRODUCT,
  };
}

function fromActivity(p: Obj): NormalizedAlert | { kind: "ignored"; reason: string } {
  const k = (o: Obj, name: string) => keyOf(o, name);
  const activityType = int(p, k(p, "activityType"), { required: true });
  const data = obj(p, k(p, "data"));
  const d = (name: string) => (data ? str(data, k(data, name)) : undefined);
  const threatId = first(str(p, k(p, "threatId")), d("threatId"));
  const alertId = d("alertId");
  if (threatId === undefined && alertId === undefined) {
    return { kind: "ignored", reason: `SentinelOne activity type ${activityType} is not about a threat or an alert.` };
  }

  const created = time(p, k(p, "createdAt"));
  const detected = data ? time(data, k(data, "detectedAt")) : undefined;
  const eventTime = detected ?? created;
  if (!eventTime) throw missingField(p, "createdAt");
  const confidence = d("confidenceLevel");
  const description = str(p, k(p, "primaryDescription")) ?? null;

  const e = new EntityCollector();
  e.host({ name: d("computerName"), id: str(p, k(p, "agentId")), ips: [d("agentIpV4")] });
  e.user(d("userName"));
  e.hash(d("fileContentHash"));
  e.hash(d("fileSha256"), "sha256");
  e.ipWithSide(d("srcIp"));
  e.ipWithSide(d("dstIp"));
  e.domain(d("dnsRequest"));

  const common = {
    kind: "alert" as const,
    description,
    severity: severityOf(confidence),
    eventTime,
    techniques: [],
    entities: e.build(),
    product: PRODUCT,
  };
  if (threatId !== undefined) {
    return {
      ...common,
      dedupKey: dedupKey("sentinelone", threatId),
      vendorAlertId: threatId,
      vendorStatus: null,
      title: first(d("threatName"), d("fileDisplayName"), description ?? undefined) ?? "SentinelOne threat",
      vendorSeverity: confidence ?? null,
      vendorCreatedAt: null,
    };
  }
  // A STAR / custom-rule alert: no threat id, so its own alert id is the identity (kept apart by the "alert" part).
  return {
    ...common,
    dedupKey: dedupKey("sentinelone", "alert", alertId!),
    vendorAlertId: alertId!,
    vendorStatus: null,
    title: first(d("ruleName"), description ?? undefined) ?? "SentinelOne alert",
    vendorSeverity: first(confidence, d("severity")) ?? null,
    vendorCreatedAt: detected ? (created ?? null) : null,
  };
}
