// Records the dependency list with versions (CycloneDX, from the lockfile) in the build output: .next/sbom.cdx.json
// for what runs in production, .next/sbom-dev.cdx.json for the tools. `npm audit` cannot reach an advisory service
// from these machines, so this is what an auditor checks against later. Never fails the build: offline or on an
// npm without `sbom`, it says so and goes on.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const out = path.resolve(process.env.NEXT_DIST_DIR || ".next");
fs.mkdirSync(out, { recursive: true });
for (const [file, args] of [
  ["sbom.cdx.json", ["--omit", "dev"]],
  ["sbom-dev.cdx.json", ["--omit", "prod"]],
]) {
  const r = spawnSync("npm", ["sbom", "--sbom-format", "cyclonedx", "--offline", ...args], {
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.status !== 0) {
    console.warn(`sbom: could not write ${file} (${(r.stderr || r.error?.message || "").trim().split("\n")[0]})`);
    continue;
  }
  fs.writeFileSync(path.join(out, file), r.stdout);
  const count = JSON.parse(r.stdout).components?.length ?? 0;
  console.log(`sbom: ${count} packages in ${path.relative(process.cwd(), path.join(out, file))}`);
}
