/** The load run's markdown: per page, per batch, per procedure, and the SQL floors beside their procedures. */
import { pct } from "../lib";
import type { DriveResult, LabelStats } from "./drive";

export type Floor = { name: string; procedure: string; times: number[]; seconds: number };

/** A latency for the table; "—" when nothing answered (every request of that label timed out). */
const ms = (x: number | undefined) => (x === undefined ? "—" : x >= 100 ? x.toFixed(0) : x.toFixed(1));

function merge(list: LabelStats[]): LabelStats {
  return {
    times: list.flatMap((s) => s.times),
    non200: list.reduce((n, s) => n + s.non200, 0),
    statuses: {},
  };
}

function row(name: string, s: LabelStats, seconds: number, target?: number) {
  const p95 = pct(s.times, 0.95);
  const mark = target === undefined ? "" : p95 <= target ? " ✓" : " ✗";
  return `| ${name} | ${s.times.length} | ${(s.times.length / seconds).toFixed(1)} | ${ms(pct(s.times, 0.5))} | ${ms(p95)}${mark} | ${ms(pct(s.times, 0.99))} | ${s.non200} |`;
}

const HEAD = "| requests/s | p50 ms | p95 ms | p99 ms | not 200 |\n";
const RULE = "| --- | ---: | ---: | ---: | ---: | ---: | ---: |";

/** `pageOf(label)`: the page a batch label belongs to. Pages first, then each batch. */
export function pagesTable(r: DriveResult, pageOf: (label: string) => string, target: number, batches = true): string {
  const pages = new Map<string, LabelStats[]>();
  for (const [label, s] of r.byLabel) pages.set(pageOf(label), [...(pages.get(pageOf(label)) ?? []), s]);
  const lines = [`| page (all its batches) | requests ${HEAD}${RULE}`];
  for (const [page, list] of pages) lines.push(row(page, merge(list), r.seconds, target));
  lines.push(row("**all pages**", merge([...r.byLabel.values()]), r.seconds));
  if (!batches) return lines.join("\n");
  lines.push("", `| batch (page · kind: procedures) | requests ${HEAD}${RULE}`);
  for (const [label, s] of [...r.byLabel].sort(([a], [b]) => a.localeCompare(b))) lines.push(row(label, s, r.seconds));
  return lines.join("\n");
}

export function proceduresTable(r: DriveResult, floors: Floor[]): string {
  const lines = [`| procedure (alone, one per request) | requests ${HEAD}${RULE}`];
  const sorted = [...r.byLabel].sort(([, a], [, b]) => pct(b.times, 0.95) - pct(a.times, 0.95));
  for (const [label, s] of sorted) lines.push(row(label, s, r.seconds, 100));
  lines.push(row("**all procedures**", merge([...r.byLabel.values()]), r.seconds));
  if (floors.length) {
    lines.push(
      "",
      "| read | procedure p50 / p95 ms | SQL floor p50 / p95 ms (queries/s) | ratio p50 / p95 | ≤ 3 × |",
      "| --- | ---: | ---: | ---: | :-: |",
    );
    for (const f of floors) {
      const s = r.byLabel.get(f.procedure);
      if (!s) continue;
      const [p50, p95, f50, f95] = [pct(s.times, 0.5), pct(s.times, 0.95), pct(f.times, 0.5), pct(f.times, 0.95)];
      const ok = p50 / f50 <= 3 && p95 / f95 <= 3;
      lines.push(
        `| ${f.name} (\`${f.procedure}\`) | ${ms(p50)} / ${ms(p95)} | ${ms(f50)} / ${ms(f95)} (${(f.times.length / f.seconds).toFixed(0)}) | ${(p50 / f50).toFixed(1)} × / ${(p95 / f95).toFixed(1)} × | ${ok ? "✓" : "✗"} |`,
      );
    }
  }
  return lines.join("\n");
}

/** One request at a time: the procedures by p50, heaviest first. */
export function aloneTable(byLabel: Map<string, LabelStats>, byCost = true): string {
  const lines = [
    `| ${byCost ? "procedure" : "page · batch"} | requests | p50 ms | p95 ms | max ms | not 200 |`,
    "| --- | ---: | ---: | ---: | ---: | ---: |",
  ];
  const order = ([, a]: [string, LabelStats], [, b]: [string, LabelStats]) =>
    byCost ? pct(b.times, 0.5) - pct(a.times, 0.5) : 0;
  for (const [label, s] of [...byLabel].sort(order))
    lines.push(
      `| ${label} | ${s.times.length} | ${ms(pct(s.times, 0.5))} | ${ms(pct(s.times, 0.95))} | ${ms(Math.max(...s.times))} | ${s.non200} |`,
    );
  return lines.join("\n");
}

export function failuresNote(r: DriveResult): string {
  const parts = [`answers other than 200: ${r.non200}, connection errors ${r.errors}, timeouts ${r.timeouts}`];
  for (const f of r.failures) parts.push(`  - ${f}`);
  return parts.join("\n");
}
