/**
 * The virtual users: who they are (a mix of SOC managers, analysts and customer users of different customers, taken
 * from the database or from a users file of sign-ins) and their sessions, each signed in over HTTP through
 * better-auth's e-mail/password endpoint with its own cookie and its own client address.
 */
import fs from "node:fs";
import type postgres from "postgres";

export type Role = "manager" | "analyst" | "customer";

export type VirtualUser = {
  index: number;
  email: string;
  role: Role;
  userId: string;
  /** The customer of a customer user (its own), for staff a customer to filter by. */
  customerId: string;
  /** The zone the pages compute their periods in: the organisation's for customer users, the browser's for staff. */
  timeZone: string;
  /** An incident the user opens in the workspace (staff only). */
  incidentId: string | null;
  cookie: string;
};

type Account = { email: string; password: string; userId: string; role: Role; customerId: string | null; tz: string };

const STAFF_ZONE = "Europe/Berlin";

type Entry = { email: string; password?: string };
type ScaleFile = {
  password?: string;
  staff?: Record<string, { email: string }[]>;
  customers?: { users?: { email: string }[] }[];
};

/**
 * Reads `[{email, password?}]`, `{users: [...]}` or the scale build's sign-ins (`{password, staff: {managers,
 * analysts, …}, customers: [{users}]}`: every staff member and the first two users of up to 200 customers). Each
 * user's role and customer come from the database.
 */
function readUsersFile(file: string): Entry[] {
  const raw = JSON.parse(fs.readFileSync(file, "utf8")) as unknown;
  const entry = (u: { email: unknown; password?: unknown }, pw?: string): Entry => ({
    email: String(u.email).toLowerCase(),
    password: u.password ? String(u.password) : pw,
  });
  if (Array.isArray(raw)) return raw.map((u) => entry(u));
  const f = raw as ScaleFile & { users?: unknown };
  if (Array.isArray(f.users)) return f.users.map((u) => entry(u, f.password));
  if (!f.staff && !f.customers) throw new Error(`${file}: no users in it`);
  const staff = Object.values(f.staff ?? {}).flat();
  const customers = (f.customers ?? []).slice(0, 200).flatMap((c) => (c.users ?? []).slice(0, 2));
  return [...staff, ...customers].map((u) => entry(u, f.password));
}

async function accounts(sql: postgres.Sql, password: string, usersFile?: string): Promise<Account[]> {
  const fromFile = usersFile ? readUsersFile(usersFile) : null;
  const rows = await sql<{ email: string; id: string; role: string; customer_id: string | null; tz: string | null }[]>`
    select u.email, u.id, m.role, m.customer_id, c.timezone as tz
    from "user" u join memberships m on m.user_id = u.id left join customers c on c.id = m.customer_id
    where ${fromFile ? sql`lower(u.email) in ${sql(fromFile.map((f) => f.email))}` : sql`true`}
    order by u.email`;
  const pw = new Map(fromFile?.map((f) => [f.email, f.password ?? password]));
  return rows.flatMap((r): Account[] => {
    const role: Role | null = r.customer_id
      ? "customer"
      : r.role === "soc_manager"
        ? "manager"
        : r.role === "analyst"
          ? "analyst"
          : null;
    if (!role) return [];
    const email = r.email.toLowerCase();
    return [
      {
        email,
        password: pw.get(email) ?? password,
        userId: r.id,
        role,
        customerId: r.customer_id,
        tz: r.tz ?? STAFF_ZONE,
      },
    ];
  });
}

/** Customer users spread over as many customers as there are (one per customer before a second of the same). */
function spread(list: Account[]): Account[] {
  const byCustomer = new Map<string, Account[]>();
  for (const a of list) byCustomer.set(a.customerId!, [...(byCustomer.get(a.customerId!) ?? []), a]);
  const out: Account[] = [];
  for (let round = 0; out.length < list.length; round++)
    for (const group of byCustomer.values()) if (group[round]) out.push(group[round]!);
  return out;
}

/** The mix: a tenth managers, four tenths customer users, the rest analysts (an account reused when there are too few). */
export async function pickUsers(sql: postgres.Sql, n: number, password: string, usersFile?: string) {
  const all = await accounts(sql, password, usersFile);
  const of = (role: Role) => (role === "customer" ? spread : (x: Account[]) => x)(all.filter((a) => a.role === role));
  const managers = of("manager");
  const analysts = of("analyst");
  const customers = of("customer");
  if (!managers.length || !analysts.length || !customers.length)
    throw new Error(
      `need at least one manager, analyst and customer user (have ${managers.length}/${analysts.length}/${customers.length})`,
    );
  const nManagers = Math.max(1, Math.round(n * 0.1));
  const nCustomers = Math.max(1, Math.round(n * 0.4));
  const nAnalysts = Math.max(1, n - nManagers - nCustomers);
  const take = (xs: Account[], k: number) => Array.from({ length: k }, (_, i) => xs[i % xs.length]!);
  return [...take(managers, nManagers), ...take(analysts, nAnalysts), ...take(customers, nCustomers)];
}

/** Open incidents across customers for the staff's workspaces, and customers for the staff's filtered queue. */
async function targets(sql: postgres.Sql) {
  const incidents = await sql<{ id: string }[]>`
    select id from incidents where status in ('triage', 'investigating', 'contained', 'waiting_on_customer', 'recovered')
    order by created_at desc limit 200`;
  const customers = await sql<
    { id: string }[]
  >`select id from customers where status = 'active' order by name limit 200`;
  if (!incidents.length || !customers.length) throw new Error("the database has no open incident or no customer");
  return { incidents: incidents.map((r) => r.id), customers: customers.map((r) => r.id) };
}

async function signIn(base: string, a: Account, index: number): Promise<string> {
  const res = await fetch(`${base}/api/auth/sign-in/email`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      origin: base,
      // A documentation address (RFC 5737) per virtual user: 50 people do not sign in from one address.
      "x-forwarded-for": `198.51.100.${(index % 250) + 1}`,
    },
    body: JSON.stringify({ email: a.email, password: a.password }),
  });
  if (!res.ok) throw new Error(`sign-in of ${a.email} failed: ${res.status} ${await res.text()}`);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  if (!cookie.includes("session_token")) throw new Error(`sign-in of ${a.email} set no session cookie`);
  return cookie;
}

export async function signInUsers(
  sql: postgres.Sql,
  base: string,
  n: number,
  opts: { password: string; usersFile?: string },
): Promise<VirtualUser[]> {
  const picked = await pickUsers(sql, n, opts.password, opts.usersFile);
  const t = await targets(sql);
  const out: VirtualUser[] = new Array(picked.length);
  let next = 0;
  // Four at a time: a sign-in is a password hash (scrypt), the server's CPU.
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      for (let i = next++; i < picked.length; i = next++) {
        const a = picked[i]!;
        out[i] = {
          index: i,
          email: a.email,
          role: a.role,
          userId: a.userId,
          customerId: a.customerId ?? t.customers[i % t.customers.length]!,
          timeZone: a.tz,
          incidentId: a.role === "customer" ? null : t.incidents[i % t.incidents.length]!,
          cookie: await signIn(base, a, i),
        };
      }
    }),
  );
  return out;
}
