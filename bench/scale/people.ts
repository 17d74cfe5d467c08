/**
 * The provider and its people: staff (admins, SOC managers, analysts with roster profiles) and each customer's portal
 * users, as better-auth rows with one known password (hashed once, as the demo seed does), and the sign-in list saved
 * beside the database for a load tool. Staff get no second factor: the load run starts the server with
 * STAFF_2FA=optional (a real deployment requires two-factor for staff).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { hashPassword } from "better-auth/crypto";
import type postgres from "postgres";
import { STAFF_SKILLS } from "@/db/schema/roster";
import { makeUsers } from "@/db/seed/generate";
import type { Plan } from "./plan";
import { stream, uuid } from "./random";

export const SCALE_PASSWORD = "watchkeeper-scale";
const STAFF_DOMAIN = "northwatch.example";

export type Person = { id: string; name: string; email: string; role: string };
export type People = { admins: Person[]; managers: Person[]; analysts: Person[]; customerUsers: Person[][] };

const nameOf = (handle: string) =>
  handle
    .split(".")
    .map((p) => p.charAt(0).toUpperCase() + p.slice(1))
    .join(" ");

/** Who the plan's people are (ids, names, e-mails), deterministic from the seed. */
export function planPeople(plan: Plan): People {
  const r = stream(plan.seed, "people");
  const staffCount = plan.staff.admins + plan.staff.managers + plan.staff.analysts;
  const handles = makeUsers(r, staffCount).map((h, i) => `${h}.${i + 1}`);
  const staff = handles.map((h) => ({
    id: uuid(r),
    name: nameOf(h.replace(/\.\d+$/, "")),
    email: `${h}@${STAFF_DOMAIN}`,
  }));
  const admins = staff.slice(0, plan.staff.admins).map((p) => ({ ...p, role: "admin" }));
  const managers = staff
    .slice(plan.staff.admins, plan.staff.admins + plan.staff.managers)
    .map((p) => ({ ...p, role: "soc_manager" }));
  const analysts = staff.slice(plan.staff.admins + plan.staff.managers).map((p) => ({ ...p, role: "analyst" }));
  const customerUsers = plan.customers.map((c) => {
    const cr = stream(plan.seed, "customer-users", c.index);
    return makeUsers(cr, c.users).map((h, k) => ({
      id: uuid(cr),
      name: nameOf(h),
      email: `${h}.${k + 1}@${c.slug}.example`,
      role: k === 0 ? "admin" : "viewer",
    }));
  });
  return { admins, managers, analysts, customerUsers };
}

async function insertChunks(sql: postgres.Sql, table: string, rows: Record<string, unknown>[]) {
  for (let i = 0; i < rows.length; i += 1000) await sql`insert into ${sql(table)} ${sql(rows.slice(i, i + 1000))}`;
}

/** Writes the provider row, every user, account, membership and staff profile. */
export async function writePeople(sql: postgres.Sql, plan: Plan, people: People) {
  await sql`insert into provider_settings (id, name, legal_name, support_email)
    values ('provider', 'Northwatch Security', 'Northwatch Security Operations Ltd', 'soc@northwatch.example')`;
  const hash = await hashPassword(SCALE_PASSWORD);
  const created = new Date(plan.now.getTime() - 800 * 86_400_000);
  const staff = [...people.admins, ...people.managers, ...people.analysts];
  const all: (Person & { customerId: string | null })[] = [
    ...staff.map((p) => ({ ...p, customerId: null })),
    ...people.customerUsers.flatMap((us, i) => us.map((p) => ({ ...p, customerId: plan.customers[i]!.id }))),
  ];
  await insertChunks(
    sql,
    "user",
    all.map((p) => ({
      id: p.id,
      name: p.name,
      email: p.email,
      email_verified: true,
      created_at: created,
      updated_at: created,
    })),
  );
  await insertChunks(
    sql,
    "account",
    all.map((p) => ({
      id: `acc-${p.id}`,
      account_id: p.id,
      provider_id: "credential",
      user_id: p.id,
      password: hash,
      created_at: created,
      updated_at: created,
    })),
  );
  await insertChunks(
    sql,
    "memberships",
    all.map((p) => ({ user_id: p.id, customer_id: p.customerId, role: p.role, created_at: created })),
  );
  const r = stream(plan.seed, "profiles");
  await insertChunks(
    sql,
    "staff_profiles",
    [...people.managers, ...people.analysts].map((p, i) => ({
      user_id: p.id,
      level: 1 + (i % 3),
      skills: STAFF_SKILLS.filter((_, k) => k === i % 5 || r() < 0.35),
      languages: ["en", ...(r() < 0.3 ? [["de", "es", "fr", "ja", "hi"][i % 5]!] : [])],
    })),
  );
}

/** The sign-in list a load tool reads: password, staff by role, each customer's users. */
export function saveSignIns(file: string, plan: Plan, people: People) {
  mkdirSync(path.dirname(file), { recursive: true });
  const strip = (p: Person) => ({ email: p.email, name: p.name, role: p.role });
  writeFileSync(
    file,
    `${JSON.stringify(
      {
        password: SCALE_PASSWORD,
        note: "Staff have no second factor: start the server with STAFF_2FA=optional.",
        seed: plan.seed,
        scale: plan.scale,
        builtFor: plan.now.toISOString(),
        staff: {
          admins: people.admins.map(strip),
          managers: people.managers.map(strip),
          analysts: people.analysts.map(strip),
        },
        customers: plan.customers.map((c, i) => ({
          id: c.id,
          slug: c.slug,
          name: c.name,
          timezone: c.timezone,
          users: people.customerUsers[i]!.map(strip),
        })),
      },
      null,
      1,
    )}\n`,
  );
}
