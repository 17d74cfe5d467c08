import { sql } from "drizzle-orm";
import type { Db } from "@/db";

/**
 * Tampers with audit_log as an attacker holding the database owner's or a superuser's password would: with the
 * append-only trigger bypassed (session_replication_role = replica skips ordinary triggers). Tests only.
 */
export async function tamperAuditLog(db: Db, statements: string[]) {
  await db.transaction(async (tx) => {
    await tx.execute(sql`set local session_replication_role = replica`);
    for (const s of statements) await tx.execute(sql.raw(s));
  });
}
