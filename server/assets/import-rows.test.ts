import { describe, expect, it } from "vitest";
import { parseCsv } from "./csv";
import { IMPORT_MAX_ROWS, IMPORT_TEMPLATE, parseAssetImport } from "./import-rows";

describe("CSV reader", () => {
  it("reads quotes, escaped quotes, CRLF and a BOM", () => {
    expect(parseCsv('\ufeffa,"b,1","say ""hi"""\r\nc,,d')).toEqual({
      ok: true,
      rows: [
        ["a", "b,1", 'say "hi"'],
        ["c", "", "d"],
      ],
    });
  });
  it("reports an unclosed quote with its row", () => {
    expect(parseCsv('a,b\nc,"d\ne')).toEqual({ ok: false, row: 2, message: "A quoted field is not closed." });
  });
});

describe("asset import", () => {
  it("accepts the template", () => {
    const r = parseAssetImport(IMPORT_TEMPLATE);
    expect(r.ok).toBe(true);
    if (r.ok)
      expect(r.rows[0]).toEqual({
        row: 2,
        fqdn: "fin-ws-014.corp.example",
        hostname: "fin-ws-014",
        ip: "10.20.4.14",
        os: "Windows 11 23H2",
        owner: "Finance",
        criticality: "high",
      });
  });

  it("reports every bad row with its number, column and message", () => {
    const r = parseAssetImport(
      [
        "Hostname,IP,Criticality",
        "good-1,10.0.0.1,low",
        ",10.0.0.2,low",
        "bad host!,10.0.0.3,medium",
        "good-2,10.0.0.256,high",
        "good-3,,crown jewel",
        "GOOD-1,,",
        "",
        "good-4,1.2.3.4,crown-jewel,extra",
      ].join("\n"),
    );
    expect(r).toEqual({
      ok: false,
      truncated: false,
      errors: [
        { row: 3, column: "hostname", message: "A host name is required." },
        { row: 4, column: "hostname", message: "Not a valid host name." },
        { row: 5, column: "ip", message: "Not a valid IPv4 or IPv6 address." },
        { row: 6, column: "criticality", message: "Use one of: low, medium, high, crown-jewel." },
        { row: 7, column: "hostname", message: "The same host is already on row 2." },
        { row: 9, column: null, message: "The row has 4 fields; the header has 3." },
      ],
    });
  });

  it("rejects a bad header, an empty file and too many rows", () => {
    expect(parseAssetImport("host,ip\nx,1.1.1.1")).toMatchObject({
      ok: false,
      errors: [
        { row: 1, message: 'Unknown column "host".' },
        { row: 1, column: "hostname", message: "The hostname column is missing." },
      ],
    });
    expect(parseAssetImport("")).toMatchObject({ ok: false, errors: [{ row: 1 }] });
    expect(parseAssetImport("hostname\n")).toMatchObject({ ok: false, errors: [{ row: 2 }] });
    const many = `hostname\n${Array.from({ length: IMPORT_MAX_ROWS + 1 }, (_, i) => `h${i}`).join("\n")}`;
    expect(parseAssetImport(many)).toMatchObject({ ok: false, errors: [{ row: 0 }] });
    expect(parseAssetImport(`hostname\n${"a".repeat(1_048_577)}`)).toMatchObject({ ok: false, errors: [{ row: 0 }] });
  });

  it("accepts exactly the row limit", () => {
    const exact = `hostname\n${Array.from({ length: IMPORT_MAX_ROWS }, (_, i) => `h${i}`).join("\n")}`;
    expect(parseAssetImport(exact).ok).toBe(true);
  });
});
