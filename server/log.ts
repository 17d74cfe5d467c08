import { randomBytes } from "node:crypto";
import pino, { type Logger } from "pino";
import pretty from "pino-pretty";
import { env } from "@/server/env";

/**
 * The process's structured logger: one JSON line per event on stdout (pretty in development). Secrets never reach it:
 * the paths below are redacted wherever they appear, and callers log ids and outcomes, never keys or bodies.
 */
const REDACT = [
  "password",
  "*.password",
  "token",
  "*.token",
  "secret",
  "*.secret",
  "apiKey",
  "*.apiKey",
  "key",
  "*.key",
  "authorization",
  "*.authorization",
  "headers.authorization",
  "headers.cookie",
  "*.headers.authorization",
  "*.headers.cookie",
  "cookie",
  "*.cookie",
];

function create(): Logger {
  const options = {
    level: env.LOG_LEVEL,
    base: { pid: process.pid },
    redact: { paths: REDACT, censor: "[redacted]" },
    timestamp: pino.stdTimeFunctions.isoTime,
  };
  if (env.NODE_ENV === "development") return pino(options, pretty({ sync: true, colorize: true }));
  // Tests read the log through process.stderr (a reference must lead to its line); servers write stdout.
  if (env.NODE_ENV === "test") return pino(options, process.stderr);
  return pino(options);
}

// One logger per process: Next bundles instrumentation and routes separately.
const g = globalThis as { __watchkeeperLog?: Logger };
g.__watchkeeperLog ??= create();
export const log: Logger = g.__watchkeeperLog;

type Fields = Record<string, unknown>;

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
