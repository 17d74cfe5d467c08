/**
 * Prepares a database for the HTTP load tool (shared/tools/ingest-load): migrates DATABASE_URL, adds one customer with
 * an OCSF and a CrowdStrike sensor, and prints their keys as JSON (`{"ocsf": "...", "crowdstrike": "..."}`).
 *   DATABASE_URL=postgres://root@127.0.0.1:5432/wk_load npx tsx bench/ingest-keys.ts > keys.json
 */
import { closeDatabase, getDatabase } from "@/db";
import { customers, providerSettings } from "@/db/schema";
import { createSensor } from "@/server/sensors/service";
import { mintTenantId, systemContext } from "@/server/tenancy/tenant";
import { requireDatabaseUrl } from "./lib";

requireDatabaseUrl();

async function main() {
  const { db } = await getDatabase();
  if ((await db.select().from(providerSettings).limit(1)).length === 0) {
    await db.insert(providerSettings).values({ name: "Load" });
  }
  const slug = `load-${Date.now()}`;
  const [cust] = await db
    .insert(customers)
    .values({ name: `Load ${slug}`, slug, industry: "Other", country: "US", timezone: "UTC" })
    .returning();
  const tenant = mintTenantId(cust!.id);
  const ctx = { ...systemContext(db, "bench"), tenant };
  const keys: Record<string, string> = {};
  for (const sourceFormat of ["ocsf", "crowdstrike"] as const) {
    const { apiKey } = await createSensor(ctx, {
      name: `Load ${sourceFormat}`,
      sensorClass: "edr",
      vendor: sourceFormat,
      product: sourceFormat,
      sourceFormat,
      site: null,
    });
    keys[sourceFormat] = apiKey;
  }
  console.log(JSON.stringify(keys));
  await closeDatabase();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
