/**
 * Twelve closed months per customer of what the month-end run leaves: the posture score stored at month close (its
 * drivers varied around the customer's level, scored by the product's own weights), and the monthly report version
 * with its key figures (alerts and incidents from the generator's tallies, SLA from the rollup the console reads, the
 * month's posture score), its scheduled job and the delivery e-mail. The PDF bytes are a one-page placeholder (a
 * valid PDF naming the customer and month, ~0.6 KB; a rendered report is 60–120 KB), with its real SHA-256.
 */
import { createHash } from "node:crypto";
import type postgres from "postgres";
import { bandOf, DRIVERS, roundHalfUp, weighted as weightedScore } from "@/server/posture/score";
import { monthRange } from "@/server/sla/report";
import type { Tally } from "./history";
import { HOUR, type Plan } from "./plan";
import { stream, uuid } from "./random";

export function placeholderPdf(title: string): Buffer {
  const text = title.replace(/[()\\]/g, "");
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
    `<< /Length ${44 + text.length} >>\nstream\nBT /F1 14 Tf 56 780 Td (${text}) Tj ET\nendstream`,
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
  ];
  let body = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("")}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, "latin1");
}

type Sla = { met: number; breached: number; ack: [number, number]; resolve: [number, number] };

export async function writeMonthly(sql: postgres.Sql, plan: Plan, tallies: Tally[]) {
  const now = plan.now.getTime();
  // The SLA side of each customer-month from the rollup (refreshed from the clocks before this runs).
  const slaRows = await sql<
    {
      customer_id: string;
      month: string;
      metric: string;
      met: number;
      breached: number;
      stopped: number;
      sum: string;
    }[]
  >`
    select customer_id, month, metric, sum(met)::int as met, sum(breached)::int as breached, sum(stopped)::int as stopped,
      sum(elapsed_sum_ms)::text as sum
    from sla_monthly group by customer_id, month, metric`;
  const sla = new Map<string, Sla>();
  for (const x of slaRows) {
    const k = `${x.customer_id}|${x.month}`;
    const e = sla.get(k) ?? { met: 0, breached: 0, ack: [0, 0], resolve: [0, 0] };
    e.met += x.met;
    e.breached += x.breached;
    if (x.metric === "acknowledge") e.ack = [x.stopped, Number(x.sum)];
    if (x.metric === "resolve") e.resolve = [x.stopped, Number(x.sum)];
    sla.set(k, e);
  }
  const readers = new Map(
    (
      await sql<{ customer_id: string; n: number }[]>`
      select customer_id, count(*)::int as n from customer_contacts where receives_reports group by customer_id`
    ).map((x) => [x.customer_id, x.n]),
  );
  const scores: Record<string, unknown>[] = [];
  const versions: Record<string, unknown>[] = [];
  const jobs: Record<string, unknown>[] = [];
  const deliveries: Record<string, unknown>[] = [];
  for (const [i, c] of plan.customers.entries()) {
    const r = stream(plan.seed, "monthly", c.index);
    const t = tallies[i]!;
    const level = 55 + r() * 40;
    for (let m = 0; m < 12; m++) {
      const month = t.months[m]!;
      const end = monthRange(month, c.timezone).to.getTime();
      const generatedAt = end + 6 * HOUR;
      if (generatedAt > now) continue;
      const drivers = Object.fromEntries(DRIVERS.map((d) => [d, Math.max(0, Math.min(100, level + (r() - 0.5) * 40))]));
      const score = roundHalfUp(weightedScore(drivers as never));
      scores.push({
        customer_id: c.id,
        month,
        score,
        band: bandOf(score),
        drivers: sql.json(drivers),
        computed_at: new Date(end + HOUR),
      });
      const s = sla.get(`${c.id}|${month}`) ?? { met: 0, breached: 0, ack: [0, 0], resolve: [0, 0] };
      const figures = {
        alertsReceived: t.alerts[m]!,
        alertsEscalated: t.escalated[m]!,
        incidents: t.incidents[m]!,
        highOrCritical: t.highOrCritical[m]!,
        slaMet: s.met,
        slaBreached: s.breached,
        mttaMs: s.ack[0] ? s.ack[1] / s.ack[0] : null,
        mttrMs: s.resolve[0] ? s.resolve[1] / s.resolve[0] : null,
        postureScore: score,
      };
      const pdf = placeholderPdf(`${c.name} - monthly security report ${month}`);
      const id = uuid(r);
      versions.push({
        id,
        customer_id: c.id,
        month,
        version: 1,
        pdf,
        sha256: createHash("sha256").update(pdf).digest("hex"),
        size_bytes: pdf.length,
        pages: 1,
        render_ms: 400 + Math.floor(r() * 600),
        trigger: "schedule",
        figures: sql.json(figures),
        generated_at: new Date(generatedAt),
      });
      jobs.push({
        customer_id: c.id,
        month,
        trigger: "schedule",
        send: true,
        status: "done",
        attempts: 1,
        report_version_id: id,
        created_at: new Date(generatedAt - 60_000),
        claimed_at: new Date(generatedAt - 30_000),
        finished_at: new Date(generatedAt),
      });
      const n = readers.get(c.id) ?? 0;
      if (n)
        deliveries.push({
          customer_id: c.id,
          month,
          report_version_id: id,
          recipients: n,
          attached: true,
          sent_at: new Date(generatedAt + 5_000),
        });
    }
  }
  for (const [table, rows] of [
    ["posture_scores", scores],
    ["report_versions", versions],
    ["report_jobs", jobs],
    ["report_deliveries", deliveries],
  ] as const)
    for (let k = 0; k < rows.length; k += 500) await sql`insert into ${sql(table)} ${sql(rows.slice(k, k + 500))}`;
  return { scores: scores.length, reports: versions.length, deliveries: deliveries.length };
}
