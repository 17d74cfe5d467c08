import { metrics } from "@/server/observability/metrics";

/**
 * Contention is the database's to resolve and ours to hide: a deadlock (40P01) or a serialization failure (40001)
 * between concurrent batches rolls the whole transaction back, so the unit is simply run again after a short, random,
 * growing pause. Rows are locked in a stable order (alert keys in `holdKeys`' order, incidents by id, an incident's
 * rows sorted), which keeps this rare; each retry is counted (`wk_intake_retries_total`).
 */
export async function withRetry<T>(fn: () => Promise<T>, attempts = 8): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await fn();
    } catch (e) {
      const code = pgCode(e);
      if (i >= attempts || !isTransient(code)) throw e;
      metrics.intakeRetries.inc({ code });
      await new Promise((r) => setTimeout(r, Math.min(500, 5 * 2 ** i) * (0.5 + Math.random())));
    }
  }
}

export const isTransient = (code: string | undefined) => code === "40P01" || code === "40001";

export function pgCode(e: unknown): string | undefined {
  for (let cur: unknown = e, d = 0; cur && d < 4; cur = (cur as { cause?: unknown }).cause, d++) {
    const c = (cur as { code?: string }).code;
    if (c) return c;
  }
  return undefined;
}
