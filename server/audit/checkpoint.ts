import { createElement } from "react";
import type { Db } from "@/db";
import AuditCheckpointEmail from "@/emails/audit-checkpoint";
import { sendEmail } from "@/server/email/send";
import { auditHmacKey, env } from "@/server/env";
import { getBranding } from "@/server/provider/queries";
import { listMembers } from "@/server/users/queries";
import { type Checkpoint, signCheckpoint } from "./chain";
import { appendCheckpoint } from "./checkpoint-file";
import { auditHead } from "./queries";

/**
 * The daily checkpoint (scheduler job `audit-checkpoint`): the chain's head, signed, appended to a file in
 * AUDIT_CHECKPOINT_DIR and e-mailed to the provider admins through the outbox. Nothing to do on an empty log.
 */
export async function writeAuditCheckpoint(
  db: Db,
  now: Date,
  opts: { dir?: string; key?: string } = {},
): Promise<Checkpoint | null> {
  const head = await auditHead(db);
  if (!head) return null;
  const cp = signCheckpoint(opts.key ?? auditHmacKey, head, now);
  appendCheckpoint(opts.dir ?? env.AUDIT_CHECKPOINT_DIR, cp);
  const admins = (await listMembers(db, null)).filter((m) => m.role === "admin");
  if (admins.length) {
    const branding = await getBranding(db);
    await db.transaction(async (tx) => {
      for (const a of admins) {
        await sendEmail(tx, {
          to: a.email,
          subject: `Audit checkpoint ${cp.at.slice(0, 10)}: entry ${cp.seq}`,
          template: "audit-checkpoint",
          element: createElement(AuditCheckpointEmail, { branding, ...cp }),
          createdAt: now,
        });
      }
    });
  }
  return cp;
}
