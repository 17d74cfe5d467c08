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
  return pino(options);
}

// One logger per process: Next bundles instrumentation and routes separately.
const g = globalThis as { __watchkeeperLog?: Logger };
g.__watchkeeperLog ??= create();
export const log: Logger = g.__watchkeeperLog;
