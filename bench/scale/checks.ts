/**
 * The build's consistency checks, which fail loudly: the counts the plan promised, every foreign key of the schema
 * (the load skipped their triggers, so each is checked here with one anti-join: an alert's sensor and incident are
 * its own customer's, every timeline row, clock and entity is its incident's customer's, …), and the incident
 * invariants the product relies on (every incident has alerts; every incident with an SLA severity has its clocks;
 * a closed incident has no running clock; alert occurrences and times in order).
 */
import type postgres from "postgres";
import type { Db } from "@/db";
import { checkAlertInvariants } from "@/server/alerts/service";
import type { Plan } from "./plan";

type Fk = { name: string; child: string; parent: string; ccols: string[]; pcols: string[] };

export async function runChecks(sql: postgres.Sql, db: Db, plan: Plan, log: (s: string) => void) {
  const failures: string[] = [];
  const expect = (what: string, got: number, want: number) => {
    if (got !== want) failures.push(`${what}: ${got}, expected ${want}`);
  };
  const n = async (q: string) => Number((await sql.unsafe(q))[0]!.n);

  for (const [table, want] of Object.entries({
    customers: plan.totals.customers,
    sensors: plan.totals.sensors,
    assets: plan.totals.assets,
    alerts: plan.totals.alerts,
    incidents: plan.totals.incidents,
  }))
    expect(`rows in ${table}`, await n(`select count(*) as n from ${table}`), want);
  const users =
    plan.staff.admins + plan.staff.managers + plan.staff.analysts + plan.customers.reduce((a, c) => a + c.users, 0);
  expect("users", await n(`select count(*) as n from "user"`), users);
  expect("memberships", await n("select count(*) as n from memberships"), users);

  const fks = await sql<Fk[]>`
    select k.conname as name, k.conrelid::regclass::text as child, k.confrelid::regclass::text as parent,
      array(select a.attname from unnest(k.conkey) with ordinality u(n, o) join pg_attribute a
        on a.attrelid = k.conrelid and a.attnum = u.n order by u.o)::text[] as ccols,
      array(select a.attname from unnest(k.confkey) with ordinality u(n, o) join pg_attribute a
        on a.attrelid = k.confrelid and a.attnum = u.n order by u.o)::text[] as pcols
    from pg_constraint k where k.contype = 'f' and k.connamespace = 'public'::regnamespace
      and k.conparentid = 0 order by 1`;
  for (const fk of fks) {
    const q = (t: string, c: string) => `${t}."${c}"`;
    const orphans =
      await n(`select count(*) as n from ${fk.child} c where ${fk.ccols.map((c) => `${q("c", c)} is not null`).join(" and ")}
      and not exists (select 1 from ${fk.parent} p where ${fk.ccols.map((c, i) => `${q("p", fk.pcols[i]!)} = ${q("c", c)}`).join(" and ")})`);
    if (orphans)
      failures.push(`foreign key ${fk.name} (${fk.child} → ${fk.parent}): ${orphans} rows without their parent`);
  }
  log(`  ${fks.length} foreign keys checked`);

  // The partitioned alerts' invariants (migration 0032): one alert_keys row per alert, pointing at it; no alert received
  // before its incident's first; every alert in its month.
  failures.push(...(await checkAlertInvariants(db)));
  expect("rows in alert_keys", await n("select count(*) as n from alert_keys"), plan.totals.alerts);
  expect("alerts in the default partition", await n("select count(*) as n from alerts_default"), 0);

  const invariants: [string, string][] = [
    [
      "incidents without alerts",
      "select count(*) as n from incidents i where not exists (select 1 from alerts a where a.incident_id = i.id)",
    ],
    [
      "incidents with an SLA severity but no clocks",
      "select count(*) as n from incidents i where coalesce(i.severity_override, i.severity) >= 2 and not exists (select 1 from sla_clocks c where c.incident_id = i.id)",
    ],
    [
      "clocks still running on closed incidents",
      "select count(*) as n from sla_clocks c join incidents i on i.id = c.incident_id where i.status = 'closed' and c.stop_at is null",
    ],
    [
      "escalated alerts without an incident",
      "select count(*) as n from alerts where (status = 'escalated') <> (incident_id is not null)",
    ],
    [
      "alerts last seen before received or with occurrences < 1",
      "select count(*) as n from alerts where last_seen_at < received_at or occurrences < 1",
    ],
    [
      "alerts received in the future",
      `select count(*) as n from alerts where received_at > '${plan.now.toISOString()}'`,
    ],
    [
      "incidents opened before their first alert",
      "select count(*) as n from incidents where created_at < first_alert_received_at",
    ],
    [
      "incidents whose kept last word is not their timeline's (migration 0035)",
      "select count(*) as n from incidents i where last_word_at is distinct from (select max(e.at) from incident_events e where e.incident_id = i.id and e.customer_id = i.customer_id and e.actor_side <> 'system')",
    ],
    [
      "incident numbers not 1…n per customer",
      "select count(*) as n from (select customer_id, max(number) m, count(*) c from incidents group by 1) x where m <> c",
    ],
  ];
  for (const [what, q] of invariants) {
    const bad = await n(q);
    if (bad) failures.push(`${what}: ${bad}`);
  }
  if (failures.length) throw new Error(`scale build: consistency checks failed:\n  ${failures.join("\n  ")}`);
  log(`  counts as planned; ${invariants.length} invariants hold`);
}
