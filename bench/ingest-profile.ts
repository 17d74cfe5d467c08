/**
 * Summarises a `node --cpu-prof` profile of the server taken under the intake load tool: busy share, self time by
 * area (idle, GC, Next's request handling, the database driver, drizzle, the intake's own code, …) and the top
 * functions by self time and by inclusive time.
 *   npx tsx bench/ingest-profile.ts /tmp/prof/CPU.….cpuprofile [--top 25]
 */
import { existsSync, readFileSync } from "node:fs";
import { SourceMap } from "node:module";
import { fileURLToPath } from "node:url";

type Node = {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
  hitCount?: number;
};
type Profile = { nodes: Node[]; samples: number[]; timeDeltas: number[]; startTime: number; endTime: number };

const file = process.argv[2];
if (!file) throw new Error("usage: ingest-profile.ts <file.cpuprofile> [--top N]");
const topIdx = process.argv.indexOf("--top");
const TOP = topIdx > 0 ? Number(process.argv[topIdx + 1]) : 25;
const p = JSON.parse(readFileSync(file, "utf8")) as Profile;

const byId = new Map(p.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const self = new Map<number, number>();
p.samples.forEach((id, i) => {
  self.set(id, (self.get(id) ?? 0) + (p.timeDeltas[i] ?? 0));
});
const total = p.endTime - p.startTime;

// The server's code is bundled and minified: map each frame back to its source file and name through the build's maps.
const maps = new Map<string, SourceMap | null>();
function original(n: Node): { url: string; name: string; line: number } {
  const { url, lineNumber, columnNumber, functionName } = n.callFrame;
  if (!url.includes("/.next/")) return { url, name: functionName, line: lineNumber + 1 };
  let map = maps.get(url);
  if (map === undefined) {
    const path = `${url.startsWith("file:") ? fileURLToPath(url) : url}.map`;
    map = existsSync(path) ? new SourceMap(JSON.parse(readFileSync(path, "utf8"))) : null;
    maps.set(url, map);
  }
  const e = map?.findEntry(lineNumber, columnNumber) as
    | { originalSource?: string; originalLine?: number; name?: string }
    | undefined;
  if (!e?.originalSource) return { url, name: functionName, line: lineNumber + 1 };
  const src = e.originalSource.replace(/^.*?\]\/|^turbopack:\/\/\/\[project\]\//, "");
  return { url: src, name: e.name ?? functionName, line: (e.originalLine ?? 0) + 1 };
}

function area(n: Node): string {
  const { functionName: f } = n.callFrame;
  const url = original(n).url;
  if (f === "(idle)") return "idle";
  if (f === "(garbage collector)") return "garbage collection";
  if (f === "(program)") return "(program: native, outside JS)";
  if (url.includes("node_modules/postgres/")) return "postgres-js driver";
  if (url.includes("drizzle-orm")) return "drizzle";
  if (url.includes("/server/ingest/normalize")) return "intake normalisers";
  if (url.includes("/server/ingest/")) return "intake (parse, service, queries)";
  if (url.includes("next/dist") || url.includes("next-server")) return "Next.js";
  if (url.includes("/.next/")) return "bundled code (unmapped)";
  if (url.includes("node_modules/")) return `library: ${url.split("node_modules/")[1]!.split("/")[0]}`;
  if (url.startsWith("server/") || url.startsWith("app/") || url.startsWith("db/"))
    return `app: ${url.split("/").slice(0, 2).join("/")}`;
  if (url.startsWith("node:") || url === "") return f ? `node core (${f === "" ? "anon" : "builtins"})` : "node core";
  return "other";
}

const areas = new Map<string, number>();
const fns = new Map<string, number>();
for (const [id, us] of self) {
  const n = byId.get(id)!;
  areas.set(area(n), (areas.get(area(n)) ?? 0) + us);
  const o = original(n);
  const key = `${n.callFrame.functionName || "(anonymous)"} ${o.url.split("/").slice(-2).join("/")}:${o.line}`;
  fns.set(key, (fns.get(key) ?? 0) + us);
}
const idle = areas.get("idle") ?? 0;
const busy = total - idle;
const pct = (us: number) => `${((100 * us) / busy).toFixed(1).padStart(5)} %`;
console.log(`wall ${(total / 1e6).toFixed(1)} s, busy ${(busy / 1e6).toFixed(1)} s (shares below are of busy time)`);
console.log("\nby area (self time)");
for (const [a, us] of [...areas].filter(([a]) => a !== "idle").sort((x, y) => y[1] - x[1])) {
  console.log(`  ${pct(us)}  ${a}`);
}
console.log(`\ntop ${TOP} functions by self time`);
for (const [f, us] of [...fns]
  .filter(([f]) => !f.startsWith("(idle)"))
  .sort((x, y) => y[1] - x[1])
  .slice(0, TOP)) {
  console.log(`  ${pct(us)}  ${f}`);
}

// Inclusive time per function name (each sample counted once per function on its stack).
const incl = new Map<string, number>();
p.samples.forEach((id, i) => {
  const seen = new Set<string>();
  for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
    const n = byId.get(cur)!;
    const name = n.callFrame.functionName;
    if (!name || seen.has(name)) continue;
    seen.add(name);
    incl.set(name, (incl.get(name) ?? 0) + (p.timeDeltas[i] ?? 0));
  }
});
console.log(`\ntop ${TOP} functions by inclusive time`);
for (const [f, us] of [...incl]
  .filter(([f]) => !["(root)", "(idle)", "(program)", "(garbage collector)"].includes(f))
  .sort((x, y) => y[1] - x[1])
  .slice(0, TOP)) {
  console.log(`  ${pct(us)}  ${f}`);
}
