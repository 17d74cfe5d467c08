import fs from "node:fs";
import path from "node:path";
import type { Checkpoint } from "./chain";

/** One JSON line per checkpoint, appended; the newest is the last line. Kept outside the database. */
export const CHECKPOINT_FILE = "audit-checkpoints.jsonl";

export function appendCheckpoint(dir: string, c: Checkpoint): string {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, CHECKPOINT_FILE);
  fs.appendFileSync(file, `${JSON.stringify(c)}\n`, { mode: 0o600 });
  return file;
}

/** The newest checkpoint, or null when none was written yet. A malformed last line reads as an unsigned one. */
export function latestCheckpoint(dir: string): Checkpoint | null {
  let text: string;
  try {
    text = fs.readFileSync(path.join(dir, CHECKPOINT_FILE), "utf8");
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw e;
  }
  const last = text.trimEnd().split("\n").pop();
  if (!last) return null;
  try {
    const c = JSON.parse(last) as Partial<Checkpoint>;
    return {
      seq: Number(c.seq),
      hash: String(c.hash ?? ""),
      at: String(c.at ?? ""),
      signature: String(c.signature ?? ""),
    };
  } catch {
    return { seq: 0, hash: "", at: "", signature: "" };
  }
}
