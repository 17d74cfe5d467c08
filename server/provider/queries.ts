import type { DbOrTx } from "@/db";
import { providerSettings } from "@/db/schema";
import type { Branding } from "@/emails/layout";

export async function findProviderSettings(db: DbOrTx) {
  const [row] = await db.select().from(providerSettings).limit(1);
  return row ?? null;
}

export async function getBranding(db: DbOrTx): Promise<Branding> {
  const row = await findProviderSettings(db);
  return {
    providerName: row?.name ?? "Watchkeeper",
    primaryColor: row?.primaryColor ?? "#0f766e",
    supportEmail: row?.supportEmail ?? null,
  };
}
