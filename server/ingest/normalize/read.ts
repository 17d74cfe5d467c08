/**
 * Shared readers for the vendor normalisers: walk an `unknown` payload, never trust its shape, and throw a
 * `PayloadError` naming the dotted field path (422 with `path` at the intake). Pure.
 *
 * Safety: only own properties are read (`Object.hasOwn`), so a payload key such as `__proto__` or `constructor` is
 * plain data here, and nothing in this module ever copies payload keys onto an object: every output is built from
 * literal keys.
 */
import {
  type Entities,
  type HashEntity,
  type HostEntity,
  PayloadError,
  type ProcessEntity,
  type SeverityId,
} from "../types";

export type Obj = Record<string, unknown>;

export function isObj(v: unknown): v is Obj {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/**
 * Where a nested object sits in the payload, so errors inside it name the full path (e.g. `evidence[2].sha1`).
 * Objects read through `obj()` / `objs()` are registered here; the root has no entry (base "").
 */
const basePaths = new WeakMap<object, string>();

function full(o: Obj, path: string): string {
  const base = basePaths.get(o);
  return base ? `${base}.${path}` : path;
}

function describe(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "an array";
  return typeof v === "object" ? "an object" : `a ${typeof v}`;
}

const wrongType = (path: string, want: string, v: unknown) =>
  new PayloadError("wrong_type", `${path || "The payload"} must be ${want}, not ${describe(v)}.`, path);
const missing = (path: string) => new PayloadError("missing_field", `${path} is required.`, path);

/** A `missing_field` error naming `path` under `o` (for fields that are required only when others are absent). */
export function missingField(o: Obj, path: string): PayloadError {
  return missing(full(o, path));
}

/** The payload itself: a JSON object, else `not_object` (path ""). */
export function root(payload: unknown): Obj {
  if (!isObj(payload)) throw new PayloadError("not_object", "An alert must be a JSON object.", "");
  basePaths.delete(payload);
  return payload;
}

/** An own property, or undefined. */
export function own(o: Obj, key: string): unknown {
  return Object.hasOwn(o, key) ? o[key] : undefined;
}

/** The own key of `o` equal to `name` ignoring case (some pipelines lower-case field names), else `name`. */
export function keyOf(o: Obj, name: string): string {
  if (Object.hasOwn(o, name)) return name;
  const lower = name.toLowerCase();
  for (const k of Object.keys(o)) if (k.toLowerCase() === lower) return k;
  return name;
}

/**
 * The value at a dotted path, own properties only. A literal key containing dots (Zeek's flat `id.orig_h`) wins over
 * nesting. JSON null counts as absent. A non-object where the path needs to descend is `wrong_type` at that prefix.
 */
export function get(o: Obj, path: string): unknown {
  let cur: Obj = o;
  let rest = path;
  let done = "";
  for (;;) {
    if (Object.hasOwn(cur, rest)) {
      const v = cur[rest];
      return v === null ? undefined : v;
    }
    const dot = rest.indexOf(".");
    if (dot < 0) return undefined;
    const head = rest.slice(0, dot);
    const next = own(cur, head);
    done = done ? `${done}.${head}` : head;
    if (next === undefined || next === null) return undefined;
    if (!isObj(next)) throw wrongType(full(o, done), "an object", next);
    cur = next;
    rest = rest.slice(dot + 1);
  }
}

type Req = { required: true };
type Opt = { required?: false };

/** A nested object; `wrong_type` if it is something else. */
export function obj(o: Obj, path: string, opts: Req): Obj;
export function obj(o: Obj, path: string, opts?: Opt): Obj | undefined;
export function obj(o: Obj, path: string, opts?: { required?: boolean }): Obj | undefined {
  const v = get(o, path);
  const p = full(o, path);
  if (v === undefined) {
    if (opts?.required) throw missing(p);
    return undefined;
  }
  if (!isObj(v)) throw wrongType(p, "an object", v);
  basePaths.set(v, p);
  return v;
}

/**
 * The objects of an array (items that are not objects are skipped: they carry nothing we can read). A single object
 * where an array is expected is read as a one-item array (some exports flatten one-item lists).
 */
export function objs(o: Obj, path: string): Obj[] {
  const v = get(o, path);
  const p = full(o, path);
  if (v === undefined) return [];
  if (isObj(v)) {
    basePaths.set(v, p);
    return [v];
  }
  if (!Array.isArray(v)) throw wrongType(p, "an array of objects", v);
  const out: Obj[] = [];
  v.forEach((item, i) => {
    if (isObj(item)) {
      basePaths.set(item, `${p}[${i}]`);
      out.push(item);
    }
  });
  return out;
}

/**
 * A string. Numbers are accepted and kept in their JSON spelling (ids such as `rule.id: 5402` or a big `ProcessId`
 * the body parser kept as a string). Empty or blank strings count as absent.
 */
export function str(o: Obj, path: string, opts: Req): string;
export function str(o: Obj, path: string, opts?: Opt): string | undefined;
export function str(o: Obj, path: string, opts?: { required?: boolean }): string | undefined {
  const v = get(o, path);
  const p = full(o, path);
  let s: string | undefined;
  if (typeof v === "string") s = v.trim() === "" ? undefined : v;
  else if (typeof v === "number" && Number.isFinite(v)) s = String(v);
  else if (typeof v === "bigint") s = v.toString();
  else if (v !== undefined) throw wrongType(p, "a string", v);
  if (s === undefined && opts?.required) throw missing(p);
  return s;
}

/**
 * An enumeration string (a severity name, an event type): the vendor's schema says text, so a number there is
 * `wrong_type` (contract: a value of the wrong JSON type is 422 naming the field, never a silent default).
 */
export function enumStr(o: Obj, path: string, opts: Req): string;
export function enumStr(o: Obj, path: string, opts?: Opt): string | undefined;
export function enumStr(o: Obj, path: string, opts?: { required?: boolean }): string | undefined {
  const v = get(o, path);
  if (v !== undefined && v !== null && typeof v !== "string") throw wrongType(full(o, path), "a string", v);
  return str(o, path, opts as Opt);
}

/** Strings of an array (other items skipped); a lone string is a one-item list. */
export function strs(o: Obj, path: string): string[] {
  const v = get(o, path);
  if (v === undefined) return [];
  if (typeof v === "string") return v.trim() === "" ? [] : [v];
  if (!Array.isArray(v)) throw wrongType(full(o, path), "an array of strings", v);
  const out: string[] = [];
  for (const item of v) {
    if (typeof item === "string" && item.trim() !== "") out.push(item);
    else if (typeof item === "number" && Number.isFinite(item)) out.push(String(item));
  }
  return out;
}

const INT_STRING = /^\s*[-+]?\d+\s*$/;

/** Parses an integer value: a JSON integer or a numeric string. A non-numeric string is `wrong_type`. */
export function toInt(v: unknown, path: string, range?: { min?: number; max?: number }): number {
  let n: number;
  if (typeof v === "number") {
    if (!Number.isInteger(v)) throw wrongType(path, "an integer", v);
    n = v;
  } else if (typeof v === "string" && INT_STRING.test(v)) {
    n = Number(v.trim());
  } else if (typeof v === "bigint") {
    n = Number(v);
  } else if (typeof v === "string") {
    throw new PayloadError("wrong_type", `${path} must be an integer, not a non-numeric string.`, path);
  } else {
    throw wrongType(path, "an integer", v);
  }
  if ((range?.min !== undefined && n < range.min) || (range?.max !== undefined && n > range.max)) {
    throw new PayloadError(
      "out_of_range",
      `${path} must be between ${range?.min ?? "-∞"} and ${range?.max ?? "∞"}; it is ${n}.`,
      path,
    );
  }
  return n;
}

/** An integer field; numeric strings are accepted (the contract), other strings are `wrong_type`. */
export function int(o: Obj, path: string, opts: Req & { min?: number; max?: number }): number;
export function int(o: Obj, path: string, opts?: Opt & { min?: number; max?: number }): number | undefined;
export function int(
  o: Obj,
  path: string,
  opts?: { required?: boolean; min?: number; max?: number },
): number | undefined {
  const v = get(o, path);
  const p = full(o, path);
  if (v === undefined || (typeof v === "string" && v.trim() === "")) {
    if (opts?.required) throw missing(p);
    return undefined;
  }
  return toInt(v, p, opts);
}

/** A boolean; "true"/"false" strings are accepted. */
export function bool(o: Obj, path: string): boolean | undefined {
  const v = get(o, path);
  if (v === undefined) return undefined;
  if (typeof v === "boolean") return v;
  if (v === "true" || v === "false") return v === "true";
  throw wrongType(full(o, path), "a boolean", v);
}

// ---------------------------------------------------------------------------------------------------------------
// Time

const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?\s*(?:([Zz]|UTC|GMT)|([+-])(\d{2})(?::?(\d{2}))?)?$/;
const LEGACY = /^(\d{4}) ([A-Za-z]{3}) {1,2}(\d{1,2}) (\d{2}):(\d{2}):(\d{2})$/;
const EPOCH = /^\d+(?:\.\d+)?$/;
const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/** Epoch seconds below 1e11 (year 5138), epoch milliseconds (13 digits) below 1e14; anything bigger is invalid. */
function fromEpoch(n: number): number | undefined {
  if (!Number.isFinite(n) || n < 0) return undefined;
  if (n < 1e11) return Math.floor(Math.round(n * 1e6) / 1e3);
  if (n < 1e14) return Math.floor(n);
  return undefined;
}

function utc(y: number, mo: number, d: number, h = 0, mi = 0, s = 0, ms = 0): number | undefined {
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 59) return undefined;
  const date = new Date(0);
  date.setUTCFullYear(y, mo - 1, d);
  date.setUTCHours(h, mi, s, ms);
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return undefined;
  return date.getTime();
}

function fromString(s: string): number | undefined {
  const t = s.trim();
  if (EPOCH.test(t)) return fromEpoch(Number(t));
  const m = ISO.exec(t);
  if (m) {
    const [, y, mo, d, h, mi, sec, frac, zulu, sign, oh, om] = m;
    const ms = frac ? Number(frac.slice(0, 3).padEnd(3, "0")) : 0;
    const base = utc(Number(y), Number(mo), Number(d), Number(h ?? 0), Number(mi ?? 0), Number(sec ?? 0), ms);
    if (base === undefined) return undefined;
    if (zulu || !sign) return base; // zone-less is UTC
    const offset = Number(oh) * 60 + Number(om ?? 0);
    if (Number(oh) > 14 || Number(om ?? 0) > 59) return undefined;
    return base - (sign === "+" ? 1 : -1) * offset * 60_000;
  }
  const l = LEGACY.exec(t); // Wazuh/OSSEC legacy "2017 Jan 05 14:11:21" (UTC)
  if (l) {
    const [, y, mon, d, h, mi, sec] = l;
    const mo = MONTHS.indexOf(mon!.toLowerCase());
    if (mo < 0) return undefined;
    return utc(Number(y), mo + 1, Number(d), Number(h), Number(mi), Number(sec));
  }
  return undefined;
}

/**
 * Parses an event time: ISO-8601 with `Z`, `±hh:mm`, `±hhmm` or no zone (read as UTC; "T" or a space), epoch seconds
 * (number or numeric string, fractions allowed, e.g. Zeek `ts`), epoch milliseconds (13 digits), or the Wazuh legacy
 * "2017 Jan 05 14:11:21" (UTC). Anything else, e.g. btest's scrubbed "XXXXXXXXXX.XXXXXX", is `invalid_value`.
 */
export function parseTime(v: unknown, path: string): Date {
  let ms: number | undefined;
  if (typeof v === "number") ms = fromEpoch(v);
  else if (typeof v === "string") ms = fromString(v);
  else throw wrongType(path, "a time (ISO-8601 text or epoch number)", v);
  if (ms === undefined || Number.isNaN(new Date(ms).getTime())) {
    throw new PayloadError(
      "invalid_value",
      `${path} is not a time we can read (use ISO 8601 or epoch seconds/milliseconds).`,
      path,
    );
  }
  return new Date(ms);
}

export function time(o: Obj, path: string, opts: Req): Date;
export function time(o: Obj, path: string, opts?: Opt): Date | undefined;
export function time(o: Obj, path: string, opts?: { required?: boolean }): Date | undefined {
  const v = get(o, path);
  const p = full(o, path);
  if (v === undefined || (typeof v === "string" && v.trim() === "")) {
    if (opts?.required) throw missing(p);
    return undefined;
  }
  return parseTime(v, p);
}

/**
 * An epoch time field (OCSF `time`, `created_time`: an integer in the schema; a numeric string is accepted as for any
 * integer). ISO text there is `wrong_type`: the `_dt` sibling is where text belongs.
 */
export function epochTime(o: Obj, path: string): Date | undefined {
  const v = get(o, path);
  const p = full(o, path);
  if (v === undefined || v === null || (typeof v === "string" && v.trim() === "")) return undefined;
  if (typeof v !== "number" && !(typeof v === "string" && EPOCH.test(v.trim()))) {
    throw new PayloadError(
      "wrong_type",
      `${p} must be an integer epoch time${typeof v === "string" ? ", not text (send text in the _dt field)" : `, not ${describe(v)}`}.`,
      p,
    );
  }
  return parseTime(v, p);
}

/**
 * The first present time among `paths` (in order), or `missing_field` naming the first path. An invalid value in an
 * earlier path is an error, not a reason to fall through.
 */
export function firstTime(o: Obj, paths: string[]): Date {
  for (const p of paths) {
    const t = time(o, p);
    if (t) return t;
  }
  throw missing(full(o, paths[0]!));
}

// ---------------------------------------------------------------------------------------------------------------
// Small helpers

export function clip(s: string, n = 80): string {
  return s.length > n ? `${s.slice(0, n)}…` : s;
}

/** The first value that is not undefined. */
export function first<T>(...values: (T | undefined)[]): T | undefined {
  for (const v of values) if (v !== undefined) return v;
  return undefined;
}

/**
 * A dedup key `vendor:part:part:…`. Every part but the last has `%` and `:` escaped (`%25`, `%3A`) so two different
 * field tuples can never give the same key; the last part is kept as is (it runs to the end of the key).
 */
export function dedupKey(vendor: string, ...parts: string[]): string {
  const esc = (s: string) => s.replaceAll("%", "%25").replaceAll(":", "%3A");
  return [vendor, ...parts.map((p, i) => (i < parts.length - 1 ? esc(p) : p))].join(":");
}

const TECHNIQUE = /\bT\d{4}(?:\.\d{3})?\b/gi;

/**
 * Candidate ATT&CK technique ids found in `values` (strings, or arrays of them): `/\bT\d{4}(?:\.\d{3})?\b/i`,
 * upper-cased, de-duplicated, in order. "Regsvr32 (T1218.010)" gives T1218.010; CrowdStrike's own `CST0001` or a
 * tactic `TA0002` give nothing. The intake then keeps only ids in the shipped ATT&CK dataset.
 */
export function techniqueIds(values: unknown[]): string[] {
  const out: string[] = [];
  const visit = (v: unknown, depth: number) => {
    if (typeof v === "string") {
      for (const m of v.matchAll(TECHNIQUE)) {
        const id = m[0].toUpperCase();
        if (!out.includes(id)) out.push(id);
      }
    } else if (Array.isArray(v) && depth < 8) {
      for (const item of v) visit(item, depth + 1);
    }
  };
  for (const v of values) visit(v, 0);
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// IP addresses

const V4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?:\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
const HEX_GROUP = /^[0-9a-fA-F]{1,4}$/;

export function isIPv4(s: string): boolean {
  return V4.test(s);
}

export function isIPv6(s: string): boolean {
  let t = s;
  const pct = t.indexOf("%");
  if (pct >= 0) {
    if (pct === t.length - 1) return false;
    t = t.slice(0, pct);
  }
  const lastColon = t.lastIndexOf(":");
  if (lastColon < 0) return false;
  const tail = t.slice(lastColon + 1);
  if (tail.includes(".")) {
    if (!isIPv4(tail)) return false;
    t = `${t.slice(0, lastColon + 1)}0:0`;
  }
  const halves = t.split("::");
  if (halves.length > 2) return false;
  const groups = (x: string) => (x === "" ? [] : x.split(":"));
  if (halves.length === 2) {
    const all = [...groups(halves[0]!), ...groups(halves[1]!)];
    return all.length <= 7 && all.every((g) => HEX_GROUP.test(g));
  }
  const all = t.split(":");
  return all.length === 8 && all.every((g) => HEX_GROUP.test(g));
}

export function isIp(s: string): boolean {
  return isIPv4(s) || isIPv6(s);
}

/** The 8 16-bit groups of a valid IPv6 address (embedded IPv4 and zone handled). */
function v6Groups(s: string): number[] {
  let t = s.split("%")[0]!;
  const lastColon = t.lastIndexOf(":");
  const tail = t.slice(lastColon + 1);
  if (tail.includes(".")) {
    const [a, b, c, d] = tail.split(".").map(Number) as [number, number, number, number];
    t = `${t.slice(0, lastColon + 1)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [left, right] = t.split("::") as [string, string | undefined];
  const l = left === "" ? [] : left.split(":");
  const r = right === undefined || right === "" ? [] : right.split(":");
  const fill = right === undefined ? [] : new Array(8 - l.length - r.length).fill("0");
  return [...l, ...fill, ...r].map((g) => Number.parseInt(g, 16));
}

/**
 * True for addresses that are not on the public internet: RFC 1918, loopback, link-local, CGNAT (100.64/10),
 * "this network" (0/8), multicast and broadcast; IPv6 loopback, unspecified, ULA (fc00::/7), link-local (fe80::/10),
 * multicast, and IPv4-mapped private addresses. Documentation ranges (RFC 5737 / 3849) count as public.
 */
export function isPrivateIp(s: string): boolean {
  if (isIPv4(s)) {
    const [a, b] = s.split(".").map(Number) as [number, number];
    return (
      a === 10 ||
      a === 127 ||
      a === 0 ||
      a >= 224 ||
      (a === 172 && b >= 16 && b <= 31) ||
      (a === 192 && b === 168) ||
      (a === 169 && b === 254) ||
      (a === 100 && b >= 64 && b <= 127)
    );
  }
  if (!isIPv6(s)) return false;
  const g = v6Groups(s);
  const g0 = g[0]!;
  if (g.every((x) => x === 0)) return true; // ::
  if (g.slice(0, 7).every((x) => x === 0) && g[7] === 1) return true; // ::1
  if ((g0 & 0xfe00) === 0xfc00 || (g0 & 0xffc0) === 0xfe80 || (g0 & 0xff00) === 0xff00) return true;
  if (g.slice(0, 5).every((x) => x === 0) && g[5] === 0xffff) {
    const v4 = [g[6]! >> 8, g[6]! & 0xff, g[7]! >> 8, g[7]! & 0xff].join(".");
    return isPrivateIp(v4);
  }
  return false;
}

export function isPublicIp(s: string): boolean {
  return isIp(s) && !isPrivateIp(s);
}

// ---------------------------------------------------------------------------------------------------------------
// Entities

const HASH_LENGTHS: Record<number, HashEntity["algorithm"]> = { 32: "md5", 40: "sha1", 64: "sha256" };
const HEX = /^[0-9a-fA-F]+$/;

/** md5/sha1/sha256 by length when unlabeled; "other" for other lengths. */
export function hashAlgorithm(value: string): HashEntity["algorithm"] {
  return (HEX.test(value) && HASH_LENGTHS[value.length]) || "other";
}

const DOMAIN = /^(?=.{1,253}$)(?:[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?\.)+[a-z0-9-]{2,63}$/i;

/** `DOMAIN\user` from separate fields, unless the name already carries a domain or is a UPN. */
export function userName(name: string | undefined, domain?: string): string | undefined {
  if (name === undefined) return undefined;
  if (!domain || name.includes("\\") || name.includes("@")) return name;
  return `${domain}\\${name}`;
}

export type HostInput = { name?: string; id?: string; ips?: (string | undefined)[]; os?: string };
export type ProcessInput = { [K in keyof ProcessEntity]?: string | undefined };

/**
 * Collects entities for one alert: skips empty and malformed values (an IP that is not an IP, a placeholder hash of
 * zeros), de-duplicates (case-insensitively where case carries no meaning), keeps first-seen order and spelling.
 */
export class EntityCollector {
  private readonly hosts: HostEntity[] = [];
  private readonly ips = new Map<string, string>();
  private readonly externalIps = new Map<string, string>();
  private readonly users = new Map<string, string>();
  private readonly processes = new Map<string, ProcessEntity>();
  private readonly hashes = new Map<string, HashEntity>();
  private readonly domains = new Map<string, string>();
  private readonly urls = new Map<string, string>();

  /** Adds an IP if it is one; returns the trimmed IP or undefined. */
  ip(value: string | undefined): string | undefined {
    const v = value?.trim();
    if (!v || !isIp(v)) return undefined;
    if (!this.ips.has(v.toLowerCase())) this.ips.set(v.toLowerCase(), v);
    return v;
  }

  /** An external / attacker-side IP (also listed in `ips`). */
  externalIp(value: string | undefined): void {
    const v = this.ip(value);
    if (v && !this.externalIps.has(v.toLowerCase())) this.externalIps.set(v.toLowerCase(), v);
  }

  /** Adds the IP, and lists it as external when it is public (the "non-RFC 1918 side"). */
  ipWithSide(value: string | undefined): void {
    const v = this.ip(value);
    if (v && !isPrivateIp(v)) this.externalIp(v);
  }

  host(h: HostInput): void {
    const name = h.name?.trim() || undefined;
    // A long all-zero id is a redaction / "not set" placeholder: correlating on it would join unrelated hosts.
    // (Short ones are real: Wazuh's manager is agent "000".)
    const rawId = h.id?.trim() || undefined;
    const id = rawId && rawId.length >= 8 && /^[0-]+$/.test(rawId) ? undefined : rawId;
    const os = h.os?.trim() || undefined;
    const ips: string[] = [];
    for (const raw of h.ips ?? []) {
      const v = this.ip(raw);
      if (v && !ips.includes(v)) ips.push(v);
    }
    if (!name && !id) return;
    const same = this.hosts.find(
      (x) =>
        (id !== undefined && x.id === id) ||
        (name !== undefined &&
          x.name?.toLowerCase() === name.toLowerCase() &&
          (x.id === undefined || id === undefined || x.id === id)),
    );
    if (same) {
      if (!same.name && name) same.name = name;
      if (!same.id && id) same.id = id;
      if (!same.os && os) same.os = os;
      if (ips.length) same.ips = [...new Set([...(same.ips ?? []), ...ips])];
      return;
    }
    this.hosts.push({
      ...(name !== undefined && { name }),
      ...(id !== undefined && { id }),
      ...(ips.length > 0 && { ips }),
      ...(os !== undefined && { os }),
    });
  }

  user(value: string | undefined): void {
    const v = value?.trim();
    if (!v || v === "-" || v.toLowerCase() === "n/a") return;
    if (!this.users.has(v.toLowerCase())) this.users.set(v.toLowerCase(), v);
  }

  process(p: ProcessInput): void {
    const clean: ProcessEntity = {};
    for (const k of ["name", "pid", "path", "commandLine", "parentName"] as const) {
      const v = p[k];
      if (v !== undefined && v.trim() !== "") clean[k] = v;
    }
    if (Object.keys(clean).length === 0) return;
    const key = JSON.stringify([clean.name, clean.pid, clean.path, clean.commandLine, clean.parentName]);
    if (!this.processes.has(key)) this.processes.set(key, clean);
  }

  /**
   * A hash. Labeled md5/sha1/sha256 values must have that length in hex, else they are skipped; unlabeled values
   * are classified by length. All-zero placeholders and non-hex values are skipped for the three known algorithms.
   */
  hash(value: string | undefined, label?: HashEntity["algorithm"]): void {
    const v = value?.trim();
    if (!v) return;
    const byLength = hashAlgorithm(v);
    const algorithm = label ?? byLength;
    if (algorithm !== "other" && (byLength !== algorithm || /^0+$/.test(v))) return;
    const key = v.toLowerCase();
    if (!this.hashes.has(key)) this.hashes.set(key, { algorithm, value: v });
  }

  /** A DNS name (trailing dot dropped); IPs and things that are not host names are skipped. */
  domain(value: string | undefined): void {
    const v = value?.trim().replace(/\.$/, "");
    if (!v || isIp(v) || !DOMAIN.test(v)) return;
    if (!this.domains.has(v.toLowerCase())) this.domains.set(v.toLowerCase(), v);
  }

  /** A URL as written; its host name is also added to domains (or its IP to ips). */
  url(value: string | undefined): void {
    const v = value?.trim();
    if (!v) return;
    if (!this.urls.has(v)) this.urls.set(v, v);
    const host = urlHost(v);
    if (host) {
      if (isIp(host)) this.ip(host);
      else this.domain(host);
    }
  }

  build(): Entities {
    return {
      hosts: this.hosts.map((h) => ({ ...h, ...(h.ips && { ips: [...h.ips] }) })),
      ips: [...this.ips.values()],
      externalIps: [...this.externalIps.values()],
      users: [...this.users.values()],
      processes: [...this.processes.values()],
      hashes: [...this.hashes.values()],
      domains: [...this.domains.values()],
      urls: [...this.urls.values()],
    };
  }
}

/** The host of an absolute URL (brackets stripped from IPv6), else undefined. */
export function urlHost(url: string): string | undefined {
  try {
    const u = new URL(url);
    if (!u.hostname) return undefined;
    return u.hostname.replace(/^\[(.*)\]$/, "$1");
  } catch {
    return undefined;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Severity helpers shared by several vendors

const NAMED: Record<string, SeverityId> = {
  unknown: 0,
  informational: 1,
  low: 2,
  medium: 3,
  high: 4,
  critical: 5,
};

/** Informational/Low/Medium/High/Critical (case and surrounding blanks ignored), else undefined. */
export function namedSeverity(name: string | undefined): SeverityId | undefined {
  if (name === undefined) return undefined;
  const key = name.trim().toLowerCase();
  return Object.hasOwn(NAMED, key) ? NAMED[key] : undefined;
}
