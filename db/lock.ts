import fs from "node:fs";
import os from "node:os";
import path from "node:path";

/**
 * PGlite has no lock of its own: two processes on one data folder lose data silently. This is an exclusive lock
 * file beside the folder, created with O_EXCL; a holder that is gone (same host, dead pid) is taken over.
 */
export type LockHolder = { pid: number; host: string; command: string; since: string };

export class DatabaseLockedError extends Error {
  constructor(
    readonly dir: string,
    readonly holder: LockHolder | null,
  ) {
    const who = holder
      ? `process ${holder.pid} on ${holder.host} (${holder.command}), since ${holder.since}`
      : "another process (its lock file could not be read)";
    super(
      `The embedded database folder ${dir} is in use by ${who}. ` +
        "Only one process may open it at a time: stop that process first, or point DATABASE_URL at a PostgreSQL server.",
    );
    this.name = "DatabaseLockedError";
  }
}

export function lockPathFor(dir: string) {
  return `${path.resolve(dir)}.lock`;
}

function readHolder(file: string): LockHolder | null {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8")) as LockHolder;
  } catch {
    return null;
  }
}

function alive(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Takes the lock or throws DatabaseLockedError. Returns the release function. */
export function acquireDirectoryLock(dir: string): () => void {
  const file = lockPathFor(dir);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const me: LockHolder = {
    pid: process.pid,
    host: os.hostname(),
    command:
      process.argv
        .slice(1, 3)
        .map((a) => path.basename(a))
        .join(" ") || "node",
    since: new Date().toISOString(),
  };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = fs.openSync(file, "wx");
      fs.writeSync(fd, JSON.stringify(me));
      fs.closeSync(fd);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        const holder = readHolder(file);
        if (holder?.pid === me.pid && holder.since === me.since) fs.rmSync(file, { force: true });
      };
      process.once("exit", release);
      return release;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
      const holder = readHolder(file);
      const stale = holder !== null && holder.host === me.host && holder.pid !== process.pid && !alive(holder.pid);
      if (stale && attempt === 0) {
        fs.rmSync(file, { force: true });
        continue;
      }
      throw new DatabaseLockedError(path.resolve(dir), holder);
    }
  }
  throw new DatabaseLockedError(path.resolve(dir), readHolder(file));
}
