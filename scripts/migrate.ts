import { closeDatabase, getDatabase } from "@/db";

getDatabase()
  .then(async (h) => {
    console.log(`Migrations applied (${h.kind}).`);
    await closeDatabase();
  })
  .catch((e) => {
    console.error(`migrate: ${e instanceof Error ? e.message : e}`);
    process.exit(1);
  });
