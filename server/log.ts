import { randomBytes } from "node:crypto";

/**
 * The server's log: one JSON line per entry on stderr, with pino's call shape (`log.error({ err, ref }, "msg")` or
 * `log.info("msg")`), so pino can replace it without touching the callers.
 */
type Fields = Record<string, unknown>;
type Level = "error" | "warn" | "info";
const LEVELS: Record<Level, number> = { error: 50, warn: 40, info: 30 };

function serialiseError(e: unknown): unknown {
  if (!(e instanceof Error)) return e;
  const { code, constraint } = e as { code?: unknown; constraint?: unknown };
  return {
    type: e.name,
    message: e.message,
    stack: e.stack,
    ...(code !== undefined ? { code } : {}),
    ...(constraint !== undefined ? { constraint } : {}),
    ...(e.cause !== undefined ? { cause: serialiseError(e.cause) } : {}),
  };
}

function write(level: Level, objOrMsg: Fields | string, msg?: string) {
  const fields = typeof objOrMsg === "string" ? {} : objOrMsg;
  const text = typeof objOrMsg === "string" ? objOrMsg : msg;
  const out: Fields = { level: LEVELS[level], time: Date.now() };
  for (const [k, v] of Object.entries(fields)) out[k] = k === "err" ? serialiseError(v) : v;
  if (text !== undefined) out.msg = text;
  let line: string;
  try {
    line = JSON.stringify(out);
  } catch {
    line = JSON.stringify({ level: LEVELS[level], time: out.time, msg: text, note: "fields not serialisable" });
  }
  process.stderr.write(`${line}\n`);
}

export const log = {
  error: (objOrMsg: Fields | string, msg?: string) => write("error", objOrMsg, msg),
  warn: (objOrMsg: Fields | string, msg?: string) => write("warn", objOrMsg, msg),
  info: (objOrMsg: Fields | string, msg?: string) => write("info", objOrMsg, msg),
};

/** A short id that ties what the client sees to the log line that holds the real error. */
export const newReference = () => randomBytes(6).toString("hex");

/** Logs an unexpected error under a fresh reference and returns the message the client may see. */
export function logInternal(err: unknown, fields: Fields = {}): { ref: string; message: string } {
  const ref = newReference();
  log.error({ ...fields, ref, err }, "internal error");
  return { ref, message: `Something went wrong (reference ${ref}).` };
}

/** True for the message `logInternal` hands out (so a caller does not log the same error twice). */
export const isGenericMessage = (m: string) => /^Something went wrong \(reference [0-9a-f]+\)\.$/.test(m);
