/**
 * Drives HTTP requests with autocannon: one connection per virtual user, each cycling through its own list of
 * requests (its own cookie in each), pipelining 1, so at most one request per user is in flight. Every response's
 * latency is recorded under its request's label (the page and batch it belongs to).
 */
import autocannon from "autocannon";

export type LoadRequest = { label: string; path: string; cookie: string };

export type LabelStats = { times: number[]; non200: number; statuses: Record<number, number> };

export type DriveResult = {
  seconds: number;
  byLabel: Map<string, LabelStats>;
  total: number;
  /** Answers other than 200 (a batch with a failed procedure answers 207). */
  non200: number;
  errors: number;
  timeouts: number;
  /** The first few non-200 answers, for the report (status, label, body start). */
  failures: string[];
};

type Tagged = { method: "GET"; path: string; headers: Record<string, string>; label: string };
type ClientLike = { setRequests: (r: Tagged[]) => void; requestIterator: { currentRequest: Tagged } };

/**
 * `pace` 0: every user flat out (the next request as soon as the last answered: a saturation test). `pace` > 0: each
 * user sends at most `pace` requests a second (autocannon's per-connection rate), the users' seconds staggered evenly
 * so they do not all fire at the same instant (one autocannon instance per user, started in turn).
 */
export async function drive(base: string, perUser: LoadRequest[][], seconds: number, pace = 0): Promise<DriveResult> {
  const byLabel = new Map<string, LabelStats>();
  const failures: string[] = [];
  const totals = { errors: 0, timeouts: 0 };
  const run = async (users: LoadRequest[][], rate?: number) => {
    const r = await instance(base, users, seconds, byLabel, failures, rate);
    totals.errors += r.errors;
    totals.timeouts += r.timeouts;
  };
  if (pace > 0) {
    const gap = 1000 / pace / perUser.length;
    await Promise.all(
      perUser.map(async (u, i) => {
        await new Promise((r) => setTimeout(r, i * gap));
        await run([u], pace);
      }),
    );
  } else await run(perUser);
  const total = [...byLabel.values()].reduce((n, s) => n + s.times.length, 0);
  return {
    seconds,
    byLabel,
    total,
    non200: [...byLabel.values()].reduce((n, x) => n + x.non200, 0),
    ...totals,
    failures,
  };
}

async function instance(
  base: string,
  perUser: LoadRequest[][],
  seconds: number,
  byLabel: Map<string, LabelStats>,
  failures: string[],
  connectionRate?: number,
) {
  const url = new URL(base);
  let next = 0;
  let done: (r: { errors: number; timeouts: number }) => void = () => {};
  let failed: (e: unknown) => void = () => {};
  const finished = new Promise<{ errors: number; timeouts: number }>((resolve, reject) => {
    done = resolve;
    failed = reject;
  });
  const inst = autocannon(
    {
      url: base,
      connections: perUser.length,
      pipelining: 1,
      duration: seconds,
      timeout: 30,
      ...(connectionRate ? { connectionRate } : {}),
      requests: [{ method: "GET", path: "/healthz" }],
      setupClient: (client) => {
        const mine = perUser[next++ % perUser.length]!;
        (client as unknown as ClientLike).setRequests(
          mine.map((r) => ({
            method: "GET",
            path: r.path,
            headers: { cookie: r.cookie, host: url.host, accept: "*/*" },
            label: r.label,
            onResponse: (status: number, body: string) => {
              if (status !== 200 && failures.length < 5)
                failures.push(`${status} ${r.label}: ${String(body).slice(0, 300)}`);
            },
          })),
        );
      },
    },
    (err, result) => (err ? failed(err) : done(result)),
  );
  inst.on("response", (client, status, _bytes, ms) => {
    const label = (client as unknown as ClientLike).requestIterator.currentRequest.label;
    const s = byLabel.get(label) ?? { times: [], non200: 0, statuses: {} };
    byLabel.set(label, s);
    s.times.push(ms);
    s.statuses[status] = (s.statuses[status] ?? 0) + 1;
    // A batch answers 207 when one of its procedures failed: only 200 is a success.
    if (status !== 200) s.non200++;
  });
  return await finished;
}

/** Each user's list rotated by its index, so the users do not all open the same page at the same moment. */
export function staggered(perUser: LoadRequest[][]): LoadRequest[][] {
  return perUser.map((list, i) => {
    const k = list.length ? (i * 7) % list.length : 0;
    return [...list.slice(k), ...list.slice(0, k)];
  });
}
