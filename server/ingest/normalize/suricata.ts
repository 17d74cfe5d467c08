/**
 * Suricata EVE JSON. Only `event_type: "alert"` records are alerts; every other type (flow, dns, http, tls, stats,
 * fileinfo, anomaly, …) is valid telemetry and is ignored.
 */
import { type Normalizer, PayloadError, type SeverityId } from "../types";
import {
  dedupKey,
  EntityCollector,
  enumStr,
  int,
  isIPv6,
  obj,
  objs,
  root,
  str,
  strs,
  techniqueIds,
  time,
} from "./read";

const ABSOLUTE_URL = /^[a-z][a-z0-9+.-]*:\/\//i;

export const normalizeSuricata: Normalizer = (payload) => {
  const p = root(payload);
  const eventType = enumStr(p, "event_type", { required: true });
  if (eventType !== "alert") return { kind: "ignored", reason: `Suricata "${eventType}" events are not alerts.` };

  const alert = obj(p, "alert", { required: true });
  const flowId = str(p, "flow_id", { required: true });
  if (!/^-?\d+$/.test(flowId)) throw new PayloadError("wrong_type", "flow_id must be an integer.", "flow_id");
  const signatureId = int(alert, "signature_id", { required: true, min: 0 });
  const level = int(alert, "severity", { required: true, min: 1 });
  // Contract: Suricata's scale is inverted, 1 is the most severe.
  const severity: SeverityId = level === 1 ? 4 : level === 2 ? 3 : level === 3 ? 2 : 1;
  const eventTime = time(p, "timestamp", { required: true });

  const e = new EntityCollector();
  // The public side of the flow is the external one (an inbound attacker, or an outbound destination such as C2).
  e.ipWithSide(str(p, "src_ip"));
  e.ipWithSide(str(p, "dest_ip"));

  const http = obj(p, "http");
  if (http) {
    const host = str(http, "hostname");
    const url = str(http, "url");
    e.domain(host);
    if (url && ABSOLUTE_URL.test(url)) e.url(url);
    else if (url && host) {
      const port = int(http, "http_port");
      const h = isIPv6(host) ? `[${host}]` : host;
      e.url(`http://${h}${port && port !== 80 ? `:${port}` : ""}${url.startsWith("/") ? "" : "/"}${url}`);
    }
  }
  const tls = obj(p, "tls");
  if (tls) e.domain(str(tls, "sni"));
  const dns = obj(p, "dns");
  if (dns) {
    e.domain(str(dns, "rrname"));
    for (const q of [...objs(dns, "query"), ...objs(dns, "queries")]) e.domain(str(q, "rrname"));
  }
  for (const f of [...objs(p, "fileinfo"), ...objs(p, "files")]) {
    e.hash(str(f, "sha256"), "sha256");
    e.hash(str(f, "sha1"), "sha1");
    e.hash(str(f, "md5"), "md5");
  }

  const meta = obj(alert, "metadata");
  return {
    kind: "alert",
    dedupKey: dedupKey("suricata", flowId, String(signatureId)),
    vendorAlertId: null,
    vendorStatus: null,
    title: str(alert, "signature") ?? `Suricata signature ${signatureId}`,
    description: str(alert, "category") ?? null,
    severity,
    vendorSeverity: String(level),
    eventTime,
    vendorCreatedAt: null,
    // Contract: `mitre_technique_id`; ET-style rule sets also write `mitre_attack` (often lower-case, e.g. "t1190").
    techniques: meta ? techniqueIds([strs(meta, "mitre_technique_id"), strs(meta, "mitre_attack")]) : [],
    entities: e.build(),
    product: "Suricata",
  };
};
