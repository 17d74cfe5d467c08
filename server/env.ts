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
