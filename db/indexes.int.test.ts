import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DatabaseHandle, rowsOf } from "@/db";
import { closeTestDatabase, createTestDatabase } from "@/server/testing/db";

/**
 * The migrated schema carries no index twice: two identical indexes cost every write twice and one of them is dead
 * weight (sla_clocks had two unique keys on (id, customer_id), one hand-written, one from drizzle).
 */
let h: DatabaseHandle;
beforeAll(async () => {
  h = await createTestDatabase();
});
afterAll(closeTestDatabase);

describe("indexes", () => {
  it("no table has two indexes on the same columns, expressions, predicate and uniqueness", async () => {
    const dupes = rowsOf<{ table: string; indexes: string }>(
      await h.db.execute(sql`
        select i.indrelid::regclass::text as table, string_agg(i.indexrelid::regclass::text, ', ' order by 1) as indexes
        from pg_index i
        join pg_class c on c.oid = i.indrelid
        join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public'
        group by i.indrelid, i.indkey::text, i.indclass::text, coalesce(pg_get_expr(i.indexprs, i.indrelid), ''),
          coalesce(pg_get_expr(i.indpred, i.indrelid), ''), i.indisunique
        having count(*) > 1`),
    );
    expect(dupes).toEqual([]);
  });

  it("the tenant foreign keys to sla_clocks rest on the key the schema declares", async () => {
    const rows = rowsOf<{ name: string; index: string }>(
      await h.db.execute(sql`
        select conname as name, conindid::regclass::text as index from pg_constraint
        where contype = 'f' and confrelid = 'sla_clocks'::regclass and array_length(conkey, 1) = 2
        order by conname`),
    );
    expect(rows.map((r) => r.index)).toEqual(rows.map(() => "sla_clocks_tenant_key"));
    expect(rows.map((r) => r.name)).toEqual([
      "sla_alerts_clock_tenant_fk",
      // PostgreSQL cuts identifiers at 63 bytes; drizzle's name for this one is longer.
      "sla_banner_dismissals_clock_id_customer_id_sla_clocks_id_custom",
    ]);
  });

  it("alerts: raw payloads compressed with lz4 where the server has it, and one sensor key per alert", async () => {
    const [raw] = rowsOf<{ method: string | null; lz4: boolean }>(
      await h.db.execute(sql`
        select a.attcompression::text as method,
          'lz4' = any (select unnest(enumvals) from pg_settings where name = 'default_toast_compression') as lz4
        from pg_attribute a where a.attrelid = 'alerts'::regclass and a.attname = 'raw'`),
    );
    expect(raw!.method).toBe(raw!.lz4 ? "l" : "");
    const fks = rowsOf<{ name: string }>(
      await h.db.execute(sql`
        select conname as name from pg_constraint
        where conrelid = 'alerts'::regclass and contype = 'f' and confrelid = 'sensors'::regclass`),
    );
    expect(fks.map((f) => f.name)).toEqual(["alerts_sensor_tenant_fk"]);
  });
});
