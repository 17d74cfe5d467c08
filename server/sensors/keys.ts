import { createHash, randomBytes } from "node:crypto";

/** API keys look like `wk_<8 char prefix>_<secret>`; only the SHA-256 of the whole key is stored. */
export function generateApiKey() {
  const prefix = randomBytes(6).toString("base64url");
  const key = `wk_${prefix}_${randomBytes(32).toString("base64url")}`;
  return { key, prefix, keyHash: hashApiKey(key) };
}

export function hashApiKey(key: string) {
  return createHash("sha256").update(key).digest("hex");
}

/** The secret from an `Authorization: Bearer …` header, or null when absent or malformed. */
export function bearerToken(header: string | null): string | null {
  if (!header) return null;
  const m = /^Bearer\s+([A-Za-z0-9_\-.~+/=]{16,200})\s*$/i.exec(header);
  return m ? m[1]! : null;
}
