/**
 * Zeek notice.log records as JSON (one notice per payload; `id.orig_h` flat or `id{orig_h}` nested). Capture-loss and
 * weird notices describe the sensor, not a threat: they are health events and never open an incident.
 */
import type { Normalizer, SeverityId } from "../types";
import { dedupKey, EntityCollector, enumStr, type Obj, root, str, time } from "./read";

const HEALTH = /^(CaptureLoss|Weird)::/;
/** Notes whose `src` is the attacking host. */
const ATTACKER_IS_SRC = /^(SSH::Password_Guessing|Scan::|HTTP::SQL_Injection_Attacker$|FTP::Bruteforcing$)/;

/** Contract: Heartbleed::* → 4; SSH::Password_Guessing, Scan::*, HTTP::SQL_Injection_* and unknown notes → 3. */
function severityOf(note: string): SeverityId {
  return note.startsWith("Heartbleed::") ? 4 : 3;
}

/** Contract: SSH::Password_Guessing → T1110.001, Scan::* → T1046. */
function techniquesOf(note: string): string[] {
  if (note === "SSH::Password_Guessing") return ["T1110.001"];
  if (note.startsWith("Scan::")) return ["T1046"];
  return [];
}

/** A Zeek string; the TSV "unset" and "empty" markers count as absent. */
function z(o: Obj, path: string): string | undefined {
  const v = str(o, path);
  return v === "-" || v === "(empty)" ? undefined : v;
}

export const normalizeZeek: Normalizer = (payload) => {
  const p = root(payload);
  const note = enumStr(p, "note", { required: true });
  if (HEALTH.test(note)) {
    return { kind: "health", note, message: z(p, "msg") ?? null, eventTime: time(p, "ts") ?? null };
  }
  const eventTime = time(p, "ts", { required: true });
  const uid = z(p, "uid");
  const src = z(p, "src");
  const dst = z(p, "dst");
  const sub = z(p, "sub");

  const e = new EntityCollector();
  if (ATTACKER_IS_SRC.test(note)) e.externalIp(src);
  // Intel::* notices carry the matched indicator in `sub`: a feed-listed IP is the bad side by definition.
  if (note.startsWith("Intel::") && sub) {
    e.externalIp(sub);
    e.domain(sub);
  }
  for (const ip of [src, dst, z(p, "id.orig_h"), z(p, "id.resp_h")]) e.ip(ip);

  return {
    kind: "alert",
    // Contract: (uid, note), else (note, src, dst, sub); an absent src/dst/sub is an empty part.
    dedupKey: uid ? dedupKey("zeek", "uid", uid, note) : dedupKey("zeek", note, src ?? "", dst ?? "", sub ?? ""),
    vendorAlertId: uid ?? null,
    vendorStatus: null,
    title: note,
    description: z(p, "msg") ?? null,
    severity: severityOf(note),
    vendorSeverity: null,
    eventTime,
    vendorCreatedAt: null,
    techniques: techniquesOf(note),
    entities: e.build(),
    product: "Zeek",
  };
};
