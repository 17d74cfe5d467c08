/**
 * COPY … FROM STDIN in PostgreSQL's text format: rows are written as tab-separated lines into a postgres-js writable
 * stream, in chunks, waiting when the server falls behind (one table per stream).
 */
import type postgres from "postgres";

const ESC: Record<string, string> = { "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t" };
const SPECIAL = /[\\\n\r\t]/g;
export const NULL = "\\N";

/** A text value (or NULL); most values have nothing to escape, and `indexOf` finds that fastest. */
export const txt = (v: string | null | undefined) =>
  v == null
    ? NULL
    : v.indexOf("\\") < 0 && v.indexOf("\n") < 0 && v.indexOf("\r") < 0 && v.indexOf("\t") < 0
      ? v
      : v.replace(SPECIAL, (c) => ESC[c]!);
/** A timestamptz (or NULL). */
export const ts = (v: Date | number | null | undefined) => (v == null ? NULL : new Date(v).toISOString());
/** A number or boolean (or NULL). */
export const num = (v: number | boolean | null | undefined) => (v == null ? NULL : String(v));
/** JSON text as a value: JSON has no raw control characters, only backslashes to double. */
export const jsonText = (s: string) => (s.indexOf("\\") < 0 ? s : s.replaceAll("\\", "\\\\"));
/** A jsonb value. */
export const json = (v: unknown) => jsonText(JSON.stringify(v));
const PLAIN = /^[A-Za-z0-9._:@/-]+$/;
/** A text[] value. */
export const arr = (xs: readonly string[]) =>
  txt(`{${xs.map((x) => (PLAIN.test(x) ? x : `"${x.replace(/[\\"]/g, "\\$&")}"`)).join(",")}}`);

export type CopyWriter = { row: (fields: string[]) => Promise<void> | undefined; end: () => Promise<number> };

const CHUNK = 1 << 20;

/** Opens `copy table (columns) from stdin` on a reserved connection of `sql`. */
export async function copyInto(sql: postgres.Sql, table: string, columns: readonly string[]): Promise<CopyWriter> {
  const conn = await sql.reserve();
  const stream = await conn.unsafe(`copy ${table} (${columns.join(", ")}) from stdin`).writable();
  let buf = "";
  let rows = 0;
  let failed: Error | null = null;
  stream.on("error", (e: Error) => {
    failed = e;
  });
  const flush = async () => {
    if (failed) throw failed;
    const chunk = buf;
    buf = "";
    // A COPY the server refused (a bad row) ends the stream with an error and no drain: fail, do not wait.
    if (!stream.write(chunk))
      await new Promise<void>((resolve, reject) => {
        const done = (e?: Error) => {
          stream.off("drain", done);
          stream.off("error", done);
          if (e) reject(e);
          else resolve();
        };
        stream.on("drain", done);
        stream.on("error", done);
      });
  };
  return {
    row(fields) {
      if (fields.length !== columns.length)
        throw new Error(`${table}: ${fields.length} fields for ${columns.length} columns`);
      buf += `${fields.join("\t")}\n`;
      rows++;
      return buf.length >= CHUNK ? flush() : undefined;
    },
    async end() {
      if (buf) await flush();
      await new Promise<void>((resolve, reject) => {
        stream.once("finish", resolve);
        stream.once("error", reject);
        stream.end();
      });
      conn.release();
      if (failed) throw failed;
      return rows;
    },
  };
}
