import { hashPassword } from "better-auth/crypto";
import { eq, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.AUTH_LIMITS = "on";
});

import type { DatabaseHandle } from "@/db";
import { emailOutbox, memberships, rateLimit, signInFailures } from "@/db/schema";
import { auth } from "@/server/auth/auth";
import { closeTestDatabase, createTestDatabase } from "@/server/testing/db";
import { createTestCustomer, seedProvider } from "@/server/testing/factories";
import { insertUserWithPassword } from "@/server/users/queries";
import { CLIENT_ADDRESS_HEADER } from "./client-address";

let h: DatabaseHandle;
let customerId = "";
const PASSWORD = "correct-horse-battery";
let hash = "";

beforeAll(async () => {
  h = await createTestDatabase();
  await seedProvider(h.db);
  customerId = (await createTestCustomer(h.db)).id;
  hash = await hashPassword(PASSWORD);
});
afterAll(closeTestDatabase);

let n = 0;
async function person(label: string) {
  const email = `${label}.${++n}@nat.test`;
  const id = `u_lim_${n}`;
  await insertUserWithPassword(h.db, { id, name: label, email, passwordHash: hash });
  await h.db.insert(memberships).values({ userId: id, customerId, role: "viewer" });
  return email;
}

/** A sign-in as the browser sends it; `peer` is what the server sets from the socket, `xff` what the client claims. */
function signIn(email: string, password: string, peer: string, xff?: string) {
  return auth.handler(
    new Request("http://localhost:3000/api/auth/sign-in/email", {
      method: "POST",
      headers: {
        "content-type": "application/json",
        origin: "http://localhost:3000",
        [CLIENT_ADDRESS_HEADER]: peer,
        ...(xff ? { "x-forwarded-for": xff } : {}),
      },
      body: JSON.stringify({ email, password }),
    }),
  );
}

// Every attempt hashes a password (scrypt): slow on a shared machine.
describe("sign-in limits", { timeout: 120_000 }, () => {
  it("locks an account after 10 wrong passwords whatever X-Forwarded-For says, and tells its holder once", async () => {
    const victim = await person("victim");
    const statuses: number[] = [];
    for (let i = 0; i < 40; i++) {
      const r = await signIn(victim, `wrong-password-${i}`, "203.0.113.50", `10.9.${i}.${i}`);
      statuses.push(r.status);
    }
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
    expect(statuses.slice(10)).toEqual(Array(30).fill(429));
    // Locked means locked: the right password waits too, with a message that says why.
    const right = await signIn(victim, PASSWORD, "198.51.100.200");
    expect(right.status).toBe(429);
    expect((await right.json()).message).toMatch(/Too many failed attempts for this account. Try again in 15 minutes/);

    const mails = await h.db.select().from(emailOutbox).where(eq(emailOutbox.to, victim));
    expect(mails.map((m) => m.template)).toEqual(["sign-in-locked"]);
    // The forged header never became a key: the limits know the peer address only.
    const keys = (await h.db.select({ key: rateLimit.key }).from(rateLimit)).map((r) => r.key).join(" ");
    expect(keys).toContain("203.0.113.50");
    expect(keys).not.toMatch(/10\.9\./);
  });

  it("lets people behind one NAT sign in however many succeed before them", async () => {
    const people = await Promise.all(Array.from({ length: 12 }, (_, i) => person(`nat${i}`)));
    for (const email of people) expect((await signIn(email, PASSWORD, "198.51.100.1")).status).toBe(200);
    // A colleague mistypes a few times, then gets it right: their count clears, nobody else is touched.
    const late = await person("late");
    for (let i = 0; i < 3; i++) expect((await signIn(late, "typo-typo-typo", "198.51.100.1")).status).toBe(401);
    expect((await signIn(late, PASSWORD, "198.51.100.1")).status).toBe(200);
    const rows = await h.db.select().from(signInFailures).where(like(signInFailures.key, "signin:late%"));
    expect(rows).toEqual([]);
    const [ip] = await h.db.select().from(signInFailures).where(eq(signInFailures.key, "ip:198.51.100.1"));
    expect(ip).toMatchObject({ failures: 3, lockedUntil: null });
  });

  it("stops an address that sprays wrong passwords over many accounts, and only that address", async () => {
    const real = await person("real");
    for (let i = 0; i < 30; i++) {
      expect((await signIn(`nobody${i}@nat.test`, "guess-guess-guess", "192.0.2.66")).status).toBe(401);
    }
    const blocked = await signIn(real, PASSWORD, "192.0.2.66");
    expect(blocked.status).toBe(429);
    expect((await blocked.json()).message).toMatch(/from your network/);
    expect((await signIn(real, PASSWORD, "192.0.2.67")).status).toBe(200);
    // No e-mail goes to addresses without an account.
    const sprayed = await h.db.select().from(emailOutbox).where(like(emailOutbox.to, "nobody%"));
    expect(sprayed).toEqual([]);
  });
});
