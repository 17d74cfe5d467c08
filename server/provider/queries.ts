import type { DbOrTx } from "@/db";
import { providerSettings } from "@/db/schema";
import type { Branding } from "@/emails/layout";

export async function findProviderSettings(db: DbOrTx) {
  const [row] = await db.select().from(providerSettings).limit(1);
  return row ?? null;
}

/** The provider's settings with their defaults filled in (before anyone has saved them). */
export async function providerProfile(db: DbOrTx) {
  const row = await findProviderSettings(db);
  return {
    name: row?.name ?? "Watchkeeper",
    legalName: row?.legalName ?? null,
    primaryColor: row?.primaryColor ?? "#0f766e",
    accentColor: row?.accentColor ?? "#f59e0b",
    logoSvg: row?.logoSvg ?? null,
    supportEmail: row?.supportEmail ?? null,
  };
}

export async function getBranding(db: DbOrTx): Promise<Branding> {
  const row = await findProviderSettings(db);
  return {
    providerName: row?.name ?? "Watchkeeper",
    primaryColor: row?.primaryColor ?? "#0f766e",
    supportEmail: row?.supportEmail ?? null,
  };
}

export async function upsertProviderSettings(db: DbOrTx, values: Omit<typeof providerSettings.$inferInsert, "id">) {
  await db
    .insert(providerSettings)
    .values({ id: "provider", ...values })
    .onConflictDoUpdate({ target: providerSettings.id, set: values });
}
