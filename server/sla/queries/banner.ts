import { eq, isNull, or } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { slaBannerDismissals, slaClocks } from "@/db/schema";

// The console banner's per-person dismissals.

/** The clock keys (`clockId|state`) the banner hides for this person: their own dismissals and those for everyone. */
export async function listBannerDismissals(db: DbOrTx, userId: string) {
  const rows = await db
    .select({ clockId: slaBannerDismissals.clockId, state: slaBannerDismissals.state })
    .from(slaBannerDismissals)
    .where(or(isNull(slaBannerDismissals.userId), eq(slaBannerDismissals.userId, userId)));
  return new Set(rows.map((r) => `${r.clockId}|${r.state}`));
}

export async function findClockForBanner(db: DbOrTx, clockId: string) {
  const [row] = await db
    .select({
      id: slaClocks.id,
      customerId: slaClocks.customerId,
      state: slaClocks.state,
      incidentId: slaClocks.incidentId,
    })
    .from(slaClocks)
    .where(eq(slaClocks.id, clockId));
  return row ?? null;
}

export async function insertBannerDismissal(
  db: DbOrTx,
  row: {
    customerId: string;
    clockId: string;
    state: (typeof slaClocks.$inferSelect)["state"];
    userId: string | null;
    resolvedBy?: string | null;
  },
) {
  await db.insert(slaBannerDismissals).values(row).onConflictDoNothing();
}
