/**
 * Wazuh `alerts.json` records (4.x). Decoded fields sit under `data` (OSSEC-era alerts put them at the top level,
 * which is read too); Windows event data under `data.win.eventdata`; FIM under `syscheck`.
 */
import type { Normalizer, SeverityId } from "../types";
import {
  dedupKey,
  EntityCollector,
  first,
  int,
  type Obj,
  obj,
  root,
  str,
  strs,
  techniqueIds,
  time,
  userName,
} from "./read";

/** Contract: rule.level 0–3 → 1, 4–6 → 2, 7–11 → 3, 12–14 → 4, 15–16 → 5. */
function severityOf(level: number): SeverityId {
  return level <= 3 ? 1 : level <= 6 ? 2 : level <= 11 ? 3 : level <= 14 ? 4 : 5;
}

const basename = (path: string | undefined) => path?.split(/[\\/]/).pop() || undefined;

/** Sysmon's "SHA1=…,MD5=…,SHA256=…,IMPHASH=…". */
function sysmonHashes(e: EntityCollector, hashes: string | undefined) {
  for (const part of hashes?.split(",") ?? []) {
    const [name, value] = part.split("=");
    const n = name?.trim().toUpperCase();
    if (n === "MD5") e.hash(value, "md5");
    else if (n === "SHA1") e.hash(value, "sha1");
    else if (n === "SHA256") e.hash(value, "sha256");
  }
}

function decoded(e: EntityCollector, d: Obj) {
  e.ipWithSide(str(d, "srcip"));
  e.ip(str(d, "dstip"));
  e.user(str(d, "srcuser"));
  e.user(str(d, "dstuser"));
  e.url(str(d, "url"));
}

export const normalizeWazuh: Normalizer = (payload) => {
  const p = root(payload);
  const id = str(p, "id", { required: true });
  const rule = obj(p, "rule", { required: true });
  const level = int(rule, "level", { required: true, min: 0, max: 16 });
  const eventTime = time(p, "timestamp", { required: true });

  const e = new EntityCollector();
  const agent = obj(p, "agent");
  if (agent) e.host({ name: str(agent, "name"), id: str(agent, "id"), ips: [str(agent, "ip")] });
  const data = obj(p, "data");
  if (data) decoded(e, data);
  decoded(e, p);

  const win = data && obj(data, "win.eventdata");
  if (win) {
    e.user(userName(str(win, "targetUserName"), str(win, "targetDomainName")));
    e.user(userName(str(win, "subjectUserName"), str(win, "subjectDomainName")));
    e.user(str(win, "user"));
    const image = str(win, "image");
    e.process({
      name: basename(image),
      pid: str(win, "processId"),
      path: image,
      commandLine: str(win, "commandLine"),
      parentName: basename(str(win, "parentImage")),
    });
    sysmonHashes(e, str(win, "hashes"));
    e.ipWithSide(str(win, "ipAddress"));
    e.ip(str(win, "sourceIp"));
    e.ip(str(win, "destinationIp"));
    e.domain(str(win, "queryName"));
  }
  const fim = obj(p, "syscheck");
  if (fim) {
    e.hash(str(fim, "sha256_after"), "sha256");
    e.hash(str(fim, "sha1_after"), "sha1");
    e.hash(str(fim, "md5_after"), "md5");
    e.user(str(fim, "uname_after"));
  }

  return {
    kind: "alert",
    dedupKey: dedupKey("wazuh", id),
    vendorAlertId: id,
    vendorStatus: null,
    title: first(str(rule, "description"), str(rule, "id") && `Wazuh rule ${str(rule, "id")}`) ?? "Wazuh alert",
    description: str(p, "full_log") ?? null,
    severity: severityOf(level),
    vendorSeverity: String(level),
    eventTime,
    vendorCreatedAt: null,
    techniques: techniqueIds(strs(rule, "mitre.id")),
    entities: e.build(),
    product: "Wazuh",
  };
};
