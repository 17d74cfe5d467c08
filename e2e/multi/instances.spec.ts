/**
 * Two web instances (JOBS=off) and one worker on one PostgreSQL, behind a round-robin proxy (e2e/multi/run.ts):
 * sessions cross instances, a report asked of one is rendered by the worker and served by the other, killing the
 * worker mid-batch loses nothing, and every scheduled run happened once.
 */
import assert from "node:assert/strict";
import fs from "node:fs";
import { after, before, test } from "node:test";
import postgres from "postgres";
import { DEMO_PASSWORD } from "../lib";

const PROXY = process.env.E2E_PROXY_URL as string;
const A = process.env.E2E_A_URL as string;
const B = process.env.E2E_B_URL as string;
const CONTROL = process.env.E2E_WORKER_CONTROL as string;
const sql = postgres(process.env.E2E_DB_URL as string, { max: 1, onnotice: () => {} });
const startedAt = new Date();

after(async () => {
  await sql.end();
});

async function signIn(base: string, email: string): Promise<string> {
  const res = await fetch(`${base}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: PROXY },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  assert.equal(res.status, 200, `sign-in of ${email} on ${base}: ${res.status} ${await res.clone().text()}`);
  return res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
}

type TrpcAnswer = { status: number; data?: unknown; error?: { message: string } };
async function trpc(
  base: string,
  cookie: string,
  proc: string,
  input?: unknown,
  mutation = false,
): Promise<TrpcAnswer> {
  const body = JSON.stringify({ json: input ?? null });
  const res = mutation
    ? await fetch(`${base}/api/trpc/${proc}`, {
        method: "POST",
        headers: { "content-type": "application/json", cookie, origin: PROXY },
        body,
      })
    : await fetch(`${base}/api/trpc/${proc}${input === undefined ? "" : `?input=${encodeURIComponent(body)}`}`, {
        headers: { cookie },
      });
  const json = (await res.json()) as { result?: { data?: { json?: unknown } }; error?: { json?: { message: string } } };
  return { status: res.status, data: json.result?.data?.json, error: json.error?.json };
}

async function until<T>(what: string, fn: () => Promise<T | null | undefined | false>, ms = 120_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

async function workerControl(command: "kill" | "start") {
  // Written aside and renamed: the runner polls the file and must never read it half-written.
  fs.writeFileSync(`${CONTROL}.tmp`, command);
  fs.renameSync(`${CONTROL}.tmp`, CONTROL);
  await until(`worker ${command}`, async () => fs.existsSync(`${CONTROL}.done`), 10_000);
  fs.rmSync(`${CONTROL}.done`);
}

function monthsAgo(n: number) {
  const d = new Date();
  const m = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - n, 1));
  return m.toISOString().slice(0, 7);
}

let manager = "";
let halvorsen = "";
before(async () => {
  manager = await signIn(A, "manager@northwatch.example");
  const [row] = await sql<{ id: string }[]>`select id from customers where slug = 'halvorsen'`;
  halvorsen = row!.id;
});

test("a session made on one instance works on the other, and through the proxy on both", async () => {
  const cookie = await signIn(A, "ingrid@halvorsen.example");
  const onB = await trpc(B, cookie, "me.session");
  assert.equal(onB.status, 200, JSON.stringify(onB.error));
  assert.equal((onB.data as { user: { email: string } }).user.email, "ingrid@halvorsen.example");
  const servedBy = new Set<string>();
  for (let i = 0; i < 4; i++) {
    const res = await fetch(`${PROXY}/api/trpc/me.session`, { headers: { cookie } });
    assert.equal(res.status, 200);
    servedBy.add(res.headers.get("x-served-by") ?? "?");
  }
  assert.deepEqual([...servedBy].sort(), ["a", "b"]);
});

test("a report requested on one instance is rendered by the worker and downloads from the other", async () => {
  const month = monthsAgo(1);
  const before = (await trpc(B, manager, "reports.versions", { customerId: halvorsen, month })).data as unknown[];
  const asked = await trpc(A, manager, "reports.generate", { customerId: halvorsen, month, send: false }, true);
  assert.equal(asked.status, 200, JSON.stringify(asked.error));
  const versions = await until("the worker to render it", async () => {
    const r = (await trpc(B, manager, "reports.versions", { customerId: halvorsen, month })).data as { id: string }[];
    return r.length > before.length ? r : null;
  });
  const pdf = await fetch(`${B}/api/reports/${versions[0]!.id}/pdf`, { headers: { cookie: manager } });
  assert.equal(pdf.status, 200);
  assert.equal(pdf.headers.get("content-type"), "application/pdf");
  assert.equal(
    Buffer.from(await pdf.arrayBuffer())
      .subarray(0, 5)
      .toString("latin1"),
    "%PDF-",
  );
});

test("killing the worker in the middle of a batch loses nothing; the batch completes when it comes back", async () => {
  const month = monthsAgo(2);
  const asked = await trpc(A, manager, "reports.generateAll", { month, send: false }, true);
  assert.equal(asked.status, 200, JSON.stringify(asked.error));
  const { batchId, total } = asked.data as { batchId: string; total: number };
  assert.ok(total >= 3, `a batch of several reports (${total})`);
  type Progress = { done: number; failed: number; finished: boolean };
  const progress = async () => (await trpc(B, manager, "reports.batch", { id: batchId })).data as Progress;
  await until("the first report of the batch", async () => {
    const p = await progress();
    return p.done >= 1 && !p.finished ? p : null;
  });
  await workerControl("kill");
  const atKill = await progress();
  assert.ok(!atKill.finished, "the batch was not finished when the worker died");
  await new Promise((r) => setTimeout(r, 3000));
  assert.equal((await progress()).done, atKill.done, "nothing renders while no worker runs");
  await workerControl("start");
  const end = await until("the batch to complete", async () => {
    const p = await progress();
    return p.finished ? p : null;
  });
  assert.deepEqual({ done: end.done, failed: end.failed }, { done: total, failed: 0 });
  const perCustomer = await sql<{ customer_id: string; n: number }[]>`
    select j.customer_id, count(v.id)::int as n from report_jobs j
    left join report_versions v on v.customer_id = j.customer_id and v.month = j.month and v.generated_at >= j.created_at
    where j.batch_id = ${batchId} group by j.customer_id`;
  assert.equal(perCustomer.length, total);
  for (const r of perCustomer) assert.equal(r.n, 1, `customer ${r.customer_id} has exactly one new version`);
});

test("every scheduled run happened exactly once across the instances", async () => {
  // Give the worker's scheduler two minute slots of its own.
  await until(
    "two minute slots of the SLA sweep",
    async () => {
      const [r] = await sql<{ n: number }[]>`
      select count(*)::int as n from job_runs where job = 'sla-sweep' and started_at >= ${startedAt}`;
      return r!.n >= 2;
    },
    180_000,
  );
  const dupes = await sql`select job, slot, count(*)::int from job_runs group by job, slot having count(*) > 1`;
  assert.equal(dupes.length, 0);
  const runs = await sql<{ job: string; slot: string; finished_at: Date | null; error: string | null }[]>`
    select job, slot, finished_at, error from job_runs where started_at >= ${startedAt}`;
  for (const r of runs) {
    if (r.finished_at === null) continue; // the one running right now
    assert.equal(r.error, null, `${r.job} ${r.slot} ran without error`);
  }
  const scheduled = await sql`
    select customer_id, month, count(*)::int from report_jobs where trigger = 'schedule'
    group by customer_id, month having count(*) > 1`;
  assert.equal(scheduled.length, 0, "at most one scheduled month-end job per customer-month");
});

test("/metrics on every instance: the web series on the web instances, the job and render series on the worker", async () => {
  const key = process.env.E2E_SENSOR_KEY as string;
  // A few alerts through the proxy, so both web instances count intake.
  for (let i = 0; i < 4; i++) {
    const res = await fetch(`${PROXY}/api/ingest/crowdstrike`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${key}` },
      body: JSON.stringify({
        composite_id: `multi:${i}`,
        timestamp: new Date().toISOString(),
        severity: 70,
        severity_name: "High",
        display_name: "Office application launched encoded PowerShell",
        technique_id: "T1059.001",
        device: { device_id: "multi-dev-1", hostname: "HAL-WS-0998", local_ip: "10.9.9.8" },
      }),
    });
    assert.equal(res.status, 202, `intake ${i}: ${res.status}`);
  }
  const token = process.env.METRICS_TOKEN as string;
  const scrape = async (base: string) => {
    assert.equal((await fetch(`${base}/metrics`)).status, 401, `${base}/metrics without the token`);
    const res = await fetch(`${base}/metrics`, { headers: { authorization: `Bearer ${token}` } });
    assert.equal(res.status, 200, `${base}/metrics`);
    return res.text();
  };
  const [a, b, worker] = (await Promise.all([A, B, process.env.E2E_WORKER_METRICS_URL as string].map(scrape))) as [
    string,
    string,
    string,
  ];
  // A sample line; a labelled series with nothing counted yet (no open incident in this seed, no e-mail sent by the
  // worker in these tests) has only its TYPE line.
  const has = (text: string, series: string) =>
    new RegExp(`^${series}(\\{|\\s)`, "m").test(text) ||
    new RegExp(`^# TYPE ${series} (gauge|counter)$`, "m").test(text);
  for (const text of [a, b]) {
    for (const series of [
      "wk_intake_requests_total",
      "wk_intake_alerts_total",
      "wk_intake_request_duration_seconds_bucket",
      "wk_trpc_request_duration_seconds_bucket",
      "wk_alert_queue_depth",
      "wk_open_incidents",
      "wk_sla_clocks",
      "wk_email_outbox",
      "wk_report_jobs",
      "wk_event_loop_lag_seconds",
    ])
      assert.ok(has(text, series), `web instance shows ${series}`);
    assert.match(text, /^wk_db_pool_connections\{[^}]*state="max"[^}]*\} \d+/m);
    assert.match(text, /^wk_db_pool_connections\{[^}]*state="(idle|active)"/m, "connections by state");
  }
  for (const series of [
    "wk_job_duration_seconds_bucket",
    "wk_report_render_duration_seconds_bucket",
    "wk_email_deliveries_total",
    "wk_db_pool_connections",
    "wk_event_loop_lag_seconds",
  ])
    assert.ok(has(worker, series), `worker shows ${series}`);
  assert.match(worker, /^wk_job_duration_seconds_count\{[^}]*job="sla-sweep"/m, "the SLA sweep's runs are timed");
  assert.equal((await fetch(`${process.env.E2E_WORKER_METRICS_URL}/healthz`)).status, 200);
});
