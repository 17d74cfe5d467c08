/**
 * OCSF events: findings (2001 Security Finding with `finding{}`, 2004 Detection Finding with `finding_info{}`, and the
 * other 2xxx finding classes), and activity classes raised as alerts. Network Activity (4001) is an alert only when it
 * says so (`is_alert`, `disposition_id` or `attacks`); otherwise it is flow telemetry and is ignored.
 * `time` is epoch milliseconds in the schema; producers that send epoch seconds are read correctly too.
 */
import type { Normalizer, SeverityId } from "../types";
import { PayloadError } from "../types";
import {
  bool,
  dedupKey,
  EntityCollector,
  enumStr,
  epochTime,
  first,
  get,
  int,
  missingField,
  type Obj,
  obj,
  objs,
  root,
  str,
  techniqueIds,
  time,
  userName,
} from "./read";

const CAPTIONS: Record<string, SeverityId> = {
  unknown: 0,
  informational: 1,
  low: 2,
  medium: 3,
  high: 4,
  critical: 5,
  fatal: 5,
};

/** Contract: `severity_id` 0–5 as is, 6 (Fatal) → 5, 99 (Other) → 0 unless `severity` is an OCSF caption. */
function severityOf(p: Obj): { severity: SeverityId; vendorSeverity: string } {
  const id = int(p, "severity_id", { required: true });
  const caption = enumStr(p, "severity");
  const vendorSeverity = caption ?? String(id);
  if (id >= 0 && id <= 5) return { severity: id as SeverityId, vendorSeverity };
  if (id === 6) return { severity: 5, vendorSeverity };
  if (id === 99) {
    const key = caption?.trim().toLowerCase() ?? "";
    return { severity: Object.hasOwn(CAPTIONS, key) ? CAPTIONS[key]! : 0, vendorSeverity };
  }
  throw new PayloadError("out_of_range", `severity_id must be 0–6 or 99; it is ${id}.`, "severity_id");
}

const HASH_IDS: Record<number, "md5" | "sha1" | "sha256"> = { 1: "md5", 2: "sha1", 3: "sha256" };

function fileHashes(e: EntityCollector, file: Obj | undefined) {
  if (!file) return;
  for (const h of objs(file, "hashes")) {
    const algorithmId = int(h, "algorithm_id");
    const label = algorithmId === undefined ? undefined : HASH_IDS[algorithmId];
    e.hash(
      str(h, "value"),
      label ?? (algorithmId === undefined || algorithmId === 0 || algorithmId === 99 ? undefined : "other"),
    );
  }
}

function user(e: EntityCollector, u: Obj | undefined) {
  if (u) e.user(userName(first(str(u, "name"), str(u, "email_addr")), str(u, "domain")));
}

function process(e: EntityCollector, pr: Obj | undefined) {
  if (!pr) return;
  const file = obj(pr, "file");
  e.process({
    name: first(str(pr, "name"), file && str(file, "name")),
    pid: str(pr, "pid"),
    path: file && str(file, "path"),
    commandLine: str(pr, "cmd_line"),
    parentName: str(pr, "parent_process.name"),
  });
  fileHashes(e, file);
  user(e, obj(pr, "user"));
}

function url(e: EntityCollector, u: Obj | undefined) {
  if (u) e.url(str(u, "url_string"));
}

/** The parts of an event that can carry entities; used for the event itself and for each of `evidences[]`. */
function collect(e: EntityCollector, o: Obj, deviceIps: Set<string>) {
  const device = obj(o, "device");
  if (device) {
    e.host({
      name: first(str(device, "hostname"), str(device, "name")),
      id: str(device, "uid"),
      ips: [str(device, "ip")],
      os: str(device, "os.name"),
    });
  }
  for (const side of ["src_endpoint", "dst_endpoint"]) {
    const ep = obj(o, side);
    if (!ep) continue;
    const ip = str(ep, "ip");
    if (ip && deviceIps.has(ip)) e.ip(ip);
    else e.ipWithSide(ip); // the public side of a finding's network evidence is the external one
    e.domain(first(str(ep, "domain"), str(ep, "hostname")));
  }
  const actor = obj(o, "actor");
  if (actor) {
    user(e, obj(actor, "user"));
    process(e, obj(actor, "process"));
  }
  user(e, obj(o, "user"));
  process(e, obj(o, "process"));
  fileHashes(e, obj(o, "file"));
  url(e, obj(o, "url"));
  url(e, obj(o, "http_request.url"));
  e.domain(str(o, "query.hostname"));
}

/**
 * Observable type ids (OCSF dictionary): 1 Hostname, 2 IP Address, 4 User Name, 6 URL String, 8 Hash. An observable
 * named `hostname` / `…device.hostname` is the device itself, whatever its type (early producers typed it Other).
 */
function observables(e: EntityCollector, p: Obj) {
  for (const ob of objs(p, "observables")) {
    const type = int(ob, "type_id");
    const value = str(ob, "value");
    const name = str(ob, "name") ?? "";
    if (name === "hostname" || name.endsWith("device.hostname")) e.host({ name: value });
    else if (type === 1) e.domain(value);
    else if (type === 2) e.ip(value);
    else if (type === 4) e.user(value);
    else if (type === 6) e.url(value);
    else if (type === 8) e.hash(value);
  }
}

/**
 * The identity of a 4001 alert that has no uid: the flow (`connection_info.uid`, else time, both endpoints and the
 * protocol) and the control that fired (firewall rule, ATT&CK ids, disposition). Field order and spacing never matter.
 */
function networkIdentity(p: Obj, eventTime: Date, attacks: Obj[]): string {
  const ep = (side: string) => {
    const o = obj(p, side);
    return o ? `${str(o, "ip") ?? str(o, "hostname") ?? ""}/${str(o, "port") ?? ""}` : "";
  };
  const flow =
    str(p, "connection_info.uid") ??
    [eventTime.getTime(), ep("src_endpoint"), ep("dst_endpoint"), str(p, "connection_info.protocol_num") ?? ""].join(
      ">",
    );
  const rule = first(str(p, "firewall_rule.uid"), str(p, "firewall_rule.name")) ?? "";
  const ids = attacks
    .map((a) => first(str(a, "sub_technique.uid"), str(a, "technique.uid"), str(a, "tactic.uid")) ?? "")
    .sort()
    .join(",");
  return [flow, rule, ids, str(p, "disposition_id") ?? ""].join("|");
}

export const normalizeOcsf: Normalizer = (payload) => {
  const p = root(payload);
  const classUid = int(p, "class_uid", { required: true, min: 0 });
  const attacks = objs(p, "attacks");
  if (classUid === 4001) {
    const isAlert = bool(p, "is_alert") === true;
    const hasDisposition = get(p, "disposition_id") !== undefined;
    if (!isAlert && !hasDisposition && attacks.length === 0) {
      return {
        kind: "ignored",
        reason: "OCSF Network Activity (4001) without is_alert, disposition_id or attacks is telemetry.",
      };
    }
  }

  const product = str(p, "metadata.product.name", { required: true });
  const info = obj(p, "finding_info");
  const legacy = obj(p, "finding"); // OCSF before 1.0 (and class 2001)
  const isFinding = classUid >= 2000 && classUid < 3000;
  // Contract: (metadata.product.name, finding_info.uid or finding.uid). An activity event raised as an alert has no
  // finding: its own `metadata.uid` identifies it.
  const vendorUid = first(
    info && str(info, "uid"),
    legacy && str(legacy, "uid"),
    isFinding ? undefined : str(p, "metadata.uid"),
  );
  if (vendorUid === undefined && classUid !== 4001) throw missingField(p, "finding_info.uid");

  const eventTime = first(epochTime(p, "time"), time(p, "time_dt"));
  if (!eventTime) throw missingField(p, "time");
  // A Network Activity alert without finding or event uid (the security-control profile NDR vendors send) is known by
  // what it carries: the flow, its time and the control that fired. Never by its bytes.
  const uid = vendorUid ?? networkIdentity(p, eventTime, attacks);
  const created = first(
    info && epochTime(info, "created_time"),
    info && time(info, "created_time_dt"),
    legacy && epochTime(legacy, "created_time"),
    legacy && time(legacy, "created_time_dt"),
  );

  const e = new EntityCollector();
  const deviceIps = new Set<string>();
  for (const o of [p, ...objs(p, "evidences")]) {
    const ip = str(o, "device.ip");
    if (ip) deviceIps.add(ip);
  }
  collect(e, p, deviceIps);
  for (const ev of objs(p, "evidences")) collect(e, ev, deviceIps);
  observables(e, p);

  // Contract: `attacks[]`, and for Detection Findings `finding_info.attacks[]`; a sub-technique uid is preferred to
  // its technique's uid. (finding_info.attacks is read for every class that has finding_info: same field, same meaning.)
  const allAttacks = [...attacks, ...(info ? objs(info, "attacks") : [])];
  const techniques = techniqueIds(allAttacks.map((a) => first(str(a, "sub_technique.uid"), str(a, "technique.uid"))));

  const message = str(p, "message");
  const title = first(info && str(info, "title"), legacy && str(legacy, "title"), message, str(p, "type_name"));
  const description = first(
    info && str(info, "desc"),
    legacy && str(legacy, "desc"),
    title === message ? undefined : message,
  );
  const status =
    classUid === 2001 ? first(str(p, "state"), str(p, "status")) : first(str(p, "status"), str(p, "state"));

  return {
    kind: "alert",
    dedupKey: vendorUid === undefined ? dedupKey("ocsf-net", product, uid) : dedupKey("ocsf", product, uid),
    vendorAlertId: vendorUid ?? null,
    vendorStatus: status ?? null,
    title: title ?? `OCSF class ${classUid}`,
    description: description ?? null,
    ...severityOf(p),
    eventTime,
    vendorCreatedAt: created ?? null,
    techniques,
    entities: e.build(),
    product,
  };
};
