import { z } from "zod";

/**
 * The environment, validated once. Everything else imports `env` from here and never reads process.env.
 */
const schema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  DATABASE_URL: z.url().optional(),
  PGLITE_DIR: z.string().min(1).default(".data/pglite"),
  BETTER_AUTH_SECRET: z.string().min(32).default("watchkeeper-development-secret-change-me-0123456789"),
  BETTER_AUTH_URL: z.url().default("http://localhost:3000"),
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default("Watchkeeper <no-reply@watchkeeper.local>"),
  /** "required": provider staff must enrol TOTP before the console; "optional" relaxes it (demo only). */
  STAFF_2FA: z.enum(["required", "optional"]).default("required"),
  /** "off" stops this instance's scheduled jobs (another instance keeps them; each run happens once anyway). */
  JOBS: z.enum(["on", "off"]).default("on"),
  /** "on": the demo server keeps its seeded sensors alive and sends a trickle of alerts (scripts/demo.sh sets it). */
  DEMO_LIVE: z.enum(["on", "off"]).default("off"),
  /** The first admin's password for `admin staff:create` (so it need not appear in shell history). */
  WK_PASSWORD: z.string().optional(),
  /** Monthly reports larger than this go out as a portal link only, not as an attachment. */
  REPORT_ATTACH_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(0)
    .default(5 * 1024 * 1024),
  /** Intake: how long an instance trusts a cached API key (a revocation takes effect within this on every instance). */
  INTAKE_KEY_CACHE_SECONDS: z.coerce.number().int().min(0).max(60).default(5),
  /** Intake rate limits, in requests per second: per API key, and per customer (all its sensors together). */
  INTAKE_RATE_PER_KEY: z.coerce.number().int().min(1).default(2_500),
  INTAKE_RATE_PER_CUSTOMER: z.coerce.number().int().min(1).default(5_000),
  /**
   * Intake: worker threads that parse and normalise large batches (≥ 64 KiB) off the event loop; 0 does it
   * in-process. Default 2 in production: with the parsing on the event loop, the transaction holding a batch's rows
   * waited behind other batches' parsing while the customer's next batches queued on its row locks (measured over HTTP,
   * docs/benchmarks.md "Intake, session 7"); 0 in development and tests.
   */
  INTAKE_THREADS: z.coerce
    .number()
    .int()
    .min(0)
    .max(16)
    .default(process.env.NODE_ENV === "production" ? 2 : 0),
  /**
   * The audit chain's HMAC key (≥ 32 characters). Required when NODE_ENV=production (the server refuses to start
   * without it); development and tests use a fixed built-in key. Changing it makes every later verify fail.
   */
  AUDIT_HMAC_KEY: z.string().min(32).optional(),
  /** Where the daily signed audit checkpoints are appended (one JSON line each), outside the database. */
  AUDIT_CHECKPOINT_DIR: z.string().min(1).default(".data/audit-checkpoints"),
  /** pino level: fatal, error, warn, info, debug, trace or silent. */
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** Bearer token for GET /metrics; without it /metrics answers 404. */
  METRICS_TOKEN: z.string().min(16).optional(),
  /** `npm run worker` has no web server: with this port it serves GET /metrics (same token) and GET /healthz. */
  /** The seed prints where its time goes (any non-empty value). */
  SEED_PROFILE: z.string().optional(),
  METRICS_PORT: z.coerce.number().int().min(1).max(65_535).optional(),
  /** The intake also on a port of its own, without the web framework's routing (server/ingest/listener.ts). */
  INTAKE_PORT: z.coerce.number().int().min(1).max(65_535).optional(),
  /**
   * `on` (default): a production server answers `/api/trpc/*` before Next routes it (server/trpc/http.ts), with the
   * same handler and headers; `off` leaves every request to Next. Development servers always leave it to Next.
   */
  TRPC_DIRECT: z.enum(["on", "off"]).default("on"),
  /**
   * Days a vendor's raw alert payload is kept after it was last received; then the daily retention job drops it and
   * keeps the normalised alert (title, severity, times, entities, techniques, verdict, incident). 0 keeps it forever.
   */
  RAW_PAYLOAD_RETENTION_DAYS: z.coerce.number().int().min(0).max(3650).default(180),
  /**
   * Seconds a provider-wide read that every console page polls (who is on duty, the SLA banner's clocks, the sensor
   * banner) is shared by all staff requests of a process (server/tenancy/shared-read.ts). 0 reads every time (tests).
   */
  SHARED_READ_SECONDS: z.coerce
    .number()
    .int()
    .min(0)
    .max(300)
    .default(process.env.NODE_ENV === "test" ? 0 : 10),
  /** Worker threads that render monthly PDFs off the event loop; 0 renders in-process (default in tests). */
  RENDER_THREADS: z.coerce
    .number()
    .int()
    .min(0)
    .max(16)
    .default(process.env.NODE_ENV === "test" ? 0 : 1),
  /** A report job "running" for longer than this belongs to a dead worker and is taken again. */
  REPORT_JOB_STALE_SECONDS: z.coerce.number().int().min(1).max(86_400).default(600),
  /**
   * Reverse proxies in front of the app (addresses or CIDR ranges, comma-separated). Default none: X-Forwarded-For is
   * ignored and the socket's peer is the client. With a list, the right-most hop that is not listed is the client.
   */
  TRUSTED_PROXIES: z
    .string()
    .default("")
    .transform((s) =>
      s
        .split(",")
        .map((x) => x.trim())
        .filter(Boolean),
    ),
  /** Sign-in rate limits and lockouts; "off" only for tests that are not about them (default: off under test). */
  AUTH_LIMITS: z.enum(["on", "off"]).optional(),
  SESSION_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(12),
});

function load() {
  // An empty variable counts as unset (e.g. `DATABASE_URL= npm test`).
  const raw = Object.fromEntries(Object.entries(process.env).filter(([, v]) => v !== ""));
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n");
    throw new Error(`Invalid environment:\n${lines}`);
  }
  return parsed.data;
}

export const env = load();

/** True when the secret is the built-in development one (the server warns at start). */
export const usesDevelopmentSecret = env.BETTER_AUTH_SECRET.startsWith("watchkeeper-development");
export type Env = typeof env;

/** The key the audit chain is signed with: AUDIT_HMAC_KEY, or a fixed key outside production (demo, tests). */
export const auditHmacKey = env.AUDIT_HMAC_KEY ?? "watchkeeper-development-audit-key-not-for-production";
export const usesDevelopmentAuditKey = !env.AUDIT_HMAC_KEY;
