/**
 * Microsoft Defender for Endpoint, `/api/alerts` shape (`id`, `title`, `severity`, `status`, `alertCreationTime`,
 * `firstEventTime`, `mitreTechniques[]`, `computerDnsName`, `machineId`, `evidence[]`). The Microsoft Graph security
 * `alert` (v2) that carries the same alerts is read too: `firstActivityDateTime` / `createdDateTime`, lower-case
 * severity, and evidence items typed by `@odata.type` with nested `userAccount` / `imageFile` / `fileDetails`.
 * Evidence is read by the fields present, so either evidence style works in either shape.
 */
import type { NormalizedAlert, Normalizer, SeverityId } from "../types";
import {
  dedupKey,
  EntityCollector,
  enumStr,
  first,
  missingField,
  type Obj,
  obj,
  objs,
  root,
  str,
  strs,
  techniqueIds,
  time,
  userName,
} from "./read";

/** Contract: Informational 1, Low 2, Medium 3, High 4, UnSpecified 0 (any case; Graph's "unknown…" values are 0). */
const SEVERITY: Record<string, SeverityId> = {
  informational: 1,
  low: 2,
  medium: 3,
  high: 4,
  unspecified: 0,
  unknown: 0,
  unknownfuturevalue: 0,
};

const SERVICE_SOURCES: Record<string, string> = {
  microsoftdefenderforendpoint: "Microsoft Defender for Endpoint",
  microsoftdefenderforidentity: "Microsoft Defender for Identity",
  microsoftdefenderforoffice365: "Microsoft Defender for Office 365",
  microsoftdefenderforcloudapps: "Microsoft Defender for Cloud Apps",
  microsoftdefenderforcloud: "Microsoft Defender for Cloud",
  microsoft365defender: "Microsoft Defender XDR",
  azureadidentityprotection: "Microsoft Entra ID Protection",
  microsoftsentinel: "Microsoft Sentinel",
};

export const normalizeDefender: Normalizer = (payload) => {
  const p = root(payload);
  const id = str(p, "id", { required: true });
  const vendorSeverity = enumStr(p, "severity");
  if (vendorSeverity === undefined) throw missingField(p, "severity");
  const sevKey = vendorSeverity.trim().toLowerCase();
  const severity: SeverityId = Object.hasOwn(SEVERITY, sevKey) ? SEVERITY[sevKey]! : 0;

  const created = first(time(p, "alertCreationTime"), time(p, "createdDateTime"));
  const eventTime = first(time(p, "firstEventTime"), time(p, "firstActivityDateTime")) ?? created;
  if (!eventTime) throw missingField(p, "firstEventTime");

  const e = new EntityCollector();
  e.host({ name: str(p, "computerDnsName"), id: str(p, "machineId") });
  const related = obj(p, "relatedUser");
  if (related) e.user(userName(str(related, "userName"), str(related, "domainName")));
  for (const u of objs(p, "loggedOnUsers")) e.user(userName(str(u, "accountName"), str(u, "domainName")));
  for (const ev of objs(p, "evidence")) evidence(e, ev);

  const service = str(p, "serviceSource");
  const product =
    str(p, "productName") ??
    (service && (SERVICE_SOURCES[service.toLowerCase()] ?? service)) ??
    "Microsoft Defender for Endpoint";

  const alert: NormalizedAlert = {
    kind: "alert",
    dedupKey: dedupKey("defender", id),
    vendorAlertId: id,
    vendorStatus: str(p, "status") ?? null,
    title: first(str(p, "title"), str(p, "category")) ?? "Microsoft Defender alert",
    description: str(p, "description") ?? null,
    severity,
    vendorSeverity,
    eventTime,
    vendorCreatedAt: created ?? null,
    techniques: techniqueIds(strs(p, "mitreTechniques")),
    entities: e.build(),
    product,
  };
  return alert;
};

/** A user as a UPN when there is one, else DOMAIN\account. */
function user(e: EntityCollector, o: Obj) {
  e.user(str(o, "userPrincipalName") ?? userName(str(o, "accountName"), str(o, "domainName")));
}

function fileHashes(e: EntityCollector, o: Obj) {
  e.hash(str(o, "sha256"), "sha256");
  e.hash(str(o, "sha1"), "sha1");
  e.hash(str(o, "md5"), "md5");
}

function evidence(e: EntityCollector, ev: Obj) {
  const type = (first(str(ev, "entityType"), str(ev, "@odata.type")) ?? "").toLowerCase();

  // MDE flat evidence fields
  if (type === "user" || str(ev, "accountName") || str(ev, "userPrincipalName")) user(e, ev);
  fileHashes(e, ev);
  e.ipWithSide(str(ev, "ipAddress"));
  e.url(str(ev, "url"));

  // Graph v2 nested evidence fields
  const account = obj(ev, "userAccount");
  if (account) user(e, account);
  const image = obj(ev, "imageFile");
  if (image) fileHashes(e, image);
  const file = obj(ev, "fileDetails");
  if (file) fileHashes(e, file);
  const parentImage = obj(ev, "parentProcessImageFile");
  const deviceName = str(ev, "deviceDnsName");
  const deviceId = str(ev, "mdeDeviceId");
  if (deviceName || deviceId) {
    e.host({ name: deviceName, id: deviceId, ips: strs(ev, "ipInterfaces"), os: str(ev, "osPlatform") });
  }

  const isProcess =
    type === "process" || type.endsWith("processevidence") || str(ev, "processId") || str(ev, "processCommandLine");
  if (isProcess) {
    e.process({
      name: first(image && str(image, "fileName"), str(ev, "fileName")),
      pid: str(ev, "processId"),
      path: first(image && str(image, "filePath"), str(ev, "filePath")),
      commandLine: str(ev, "processCommandLine"),
      parentName: first(parentImage && str(parentImage, "fileName"), str(ev, "parentProcessFileName")),
    });
  }
}
