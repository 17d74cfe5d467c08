import { closeDatabase, getDatabase } from "@/db";
import { env } from "@/server/env";
import { customers, DEMO_PASSWORD, staff } from "./data";
import { profileLines, timed } from "./profile";
import { seedDemo } from "./seed";

async function main() {
  const started = Date.now();
  const handle = await timed("phase:open+migrate", () => getDatabase());
  // --no-history: provider, staff, customers and contacts only (fast; the e2e smoke uses it).
  const history = !process.argv.includes("--no-history");
  const { seeded } = await seedDemo(handle.db, (line) => console.log(`  seed: ${line}`), { history });
  await timed("phase:close", () => closeDatabase());
  if (seeded) {
    console.log(`  seed: done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    if (env.SEED_PROFILE) for (const l of profileLines()) console.log(`  seed: profile ${l}`);
  }
  console.log("\nDemo sign-ins (password for all: %s)", DEMO_PASSWORD);
  for (const s of staff.slice(0, 3)) console.log(`  ${s.role.padEnd(12)} ${s.email}`);
  const c = customers[0]!;
  for (const u of c.users) console.log(`  customer ${u.role.padEnd(6)} ${u.email}  (${c.name})`);
}

main().catch(async (e) => {
  console.error(`seed failed: ${e instanceof Error ? e.message : e}`);
  await closeDatabase().catch(() => {});
  process.exit(1);
});
