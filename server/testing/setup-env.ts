// Runs in every test worker before the test file: nothing here may open a database.
process.env.TZ = "Asia/Kathmandu";

// Each test file keeps its audit checkpoints in its own folder (never the working tree's .data).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

process.env.AUDIT_CHECKPOINT_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "wk-audit-cp-"));
