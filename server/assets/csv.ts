/** A small RFC 4180 reader: commas, double-quoted fields with "" escapes, CRLF or LF line ends. Pure. */
export type CsvResult = { ok: true; rows: string[][] } | { ok: false; row: number; message: string };

export function parseCsv(text: string): CsvResult {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  let line = 1;
  let startLine = 1;
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  for (let i = 0; i < src.length; i++) {
    const c = src[i]!;
    if (quoted) {
      if (c === '"') {
        if (src[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else {
        if (c === "\n") line++;
        field += c;
      }
      continue;
    }
    if (c === '"') {
      if (field.trim() !== "") return { ok: false, row: line, message: "A quote may only start a field." };
      field = "";
      quoted = true;
    } else if (c === ",") {
      row.push(field);
      field = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && src[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      line++;
      startLine = line;
    } else field += c;
  }
  if (quoted) return { ok: false, row: startLine, message: "A quoted field is not closed." };
  if (field !== "" || row.length) {
    row.push(field);
    rows.push(row);
  }
  return { ok: true, rows };
}

/** Quotes a value for CSV when it needs it. */
export const csvCell = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
