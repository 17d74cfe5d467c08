import { CRITICALITIES, type Criticality } from "@/db/schema/assets";
import { parseCsv } from "./csv";
import { isIpLiteral, splitHostName } from "./identity";

/**
 * The asset CSV import (coverage-rules.md, Assets): columns hostname, ip, os, owner, criticality. Pure: either every
 * row is valid and the rows are returned, or the errors are (row number as a spreadsheet shows it, header = row 1).
 */
export const IMPORT_COLUMNS = ["hostname", "ip", "os", "owner", "criticality"] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];
export const IMPORT_MAX_BYTES = 1_048_576;
export const IMPORT_MAX_ROWS = 5_000;
const MAX_ERRORS = 200;

export const IMPORT_TEMPLATE = `${IMPORT_COLUMNS.join(",")}\nfin-ws-014.corp.example,10.20.4.14,Windows 11 23H2,Finance,high\npay-db-01,10.20.9.3,Ubuntu 22.04,Payments team,crown-jewel\n`;

export type ImportRow = {
  row: number;
  fqdn: string | null;
  hostname: string;
  ip: string | null;
  os: string | null;
  owner: string | null;
  criticality: Criticality | null;
};
export type ImportError = { row: number; column: ImportColumn | null; message: string };
export type ImportParse = { ok: true; rows: ImportRow[] } | { ok: false; errors: ImportError[]; truncated: boolean };

const HOST = /^[a-z0-9]([a-z0-9_-]{0,62})(\.[a-z0-9_-]{1,63})*\.?$/i;
const IPV4_OCTETS = (v: string) => v.split(".").every((o) => Number(o) <= 255);

export function parseAssetImport(text: string): ImportParse {
  const fail = (errors: ImportError[]): ImportParse => ({
    ok: false,
    errors: errors.slice(0, MAX_ERRORS),
    truncated: errors.length > MAX_ERRORS,
  });
  if (new TextEncoder().encode(text).byteLength > IMPORT_MAX_BYTES)
    return fail([{ row: 0, column: null, message: "The file is larger than 1 MiB; split it into several imports." }]);
  const csv = parseCsv(text);
  if (!csv.ok) return fail([{ row: csv.row, column: null, message: csv.message }]);
  const lines = csv.rows.map((cells, i) => ({ n: i + 1, cells })).filter((l) => l.cells.some((c) => c.trim()));
  const header = lines.shift();
  if (!header) return fail([{ row: 1, column: null, message: "The file is empty: start with the header row." }]);
  const names = header.cells.map((c) => c.trim().toLowerCase());
  const errors: ImportError[] = [];
  for (const name of names)
    if (!(IMPORT_COLUMNS as readonly string[]).includes(name))
      errors.push({ row: header.n, column: null, message: `Unknown column "${name.slice(0, 40)}".` });
  if (!names.includes("hostname"))
    errors.push({ row: header.n, column: "hostname", message: "The hostname column is missing." });
  if (new Set(names).size !== names.length)
    errors.push({ row: header.n, column: null, message: "A column appears twice." });
  if (errors.length) return fail(errors);
  if (lines.length === 0) return fail([{ row: 2, column: null, message: "The file has a header but no rows." }]);
  if (lines.length > IMPORT_MAX_ROWS)
    return fail([
      { row: 0, column: null, message: `At most ${IMPORT_MAX_ROWS} rows per import; this file has ${lines.length}.` },
    ]);

  const rows: ImportRow[] = [];
  const seen = new Map<string, number>();
  for (const { n, cells } of lines) {
    const get = (c: ImportColumn) => (names.indexOf(c) >= 0 ? (cells[names.indexOf(c)] ?? "").trim() : "");
    const err = (column: ImportColumn | null, message: string) => errors.push({ row: n, column, message });
    if (cells.length > names.length) err(null, `The row has ${cells.length} fields; the header has ${names.length}.`);
    const host = get("hostname");
    const { fqdn, hostname } = splitHostName(host);
    if (!host) err("hostname", "A host name is required.");
    else if (host.length > 253 || !HOST.test(host) || !hostname) err("hostname", "Not a valid host name.");
    else {
      const key = fqdn ?? hostname;
      const first = seen.get(key);
      if (first) err("hostname", `The same host is already on row ${first}.`);
      else seen.set(key, n);
    }
    const ip = get("ip");
    if (ip && (!isIpLiteral(ip) || (ip.includes(".") && !ip.includes(":") && !IPV4_OCTETS(ip))))
      err("ip", "Not a valid IPv4 or IPv6 address.");
    const os = get("os");
    if (os.length > 120) err("os", "At most 120 characters.");
    const owner = get("owner");
    if (owner.length > 200) err("owner", "At most 200 characters.");
    const crit = get("criticality").toLowerCase();
    if (crit && !(CRITICALITIES as readonly string[]).includes(crit))
      err("criticality", `Use one of: ${CRITICALITIES.join(", ")}.`);
    if (hostname)
      rows.push({
        row: n,
        fqdn,
        hostname,
        ip: ip || null,
        os: os || null,
        owner: owner || null,
        criticality: (crit || null) as Criticality | null,
      });
  }
  return errors.length ? fail(errors) : { ok: true, rows };
}
