import { z } from "zod";
import { type HostFacts, hostFacts } from "./identity";

/**
 * A heartbeat's `assets` inventory (ingest-contract.md): up to 5,000 objects `{agentId?, fqdn?, hostname?, ip?, os?}`,
 * each with at least one of the first three. A bad item is reported and never drops the heartbeat. Pure.
 */
export const INVENTORY_MAX = 5_000;

const text = (max: number) => z.string().trim().max(max).optional();
const item = z
  .object({ agentId: text(255), fqdn: text(255), hostname: text(255), ip: text(64), os: text(120) })
  .refine((i) => Boolean(i.agentId || i.fqdn || i.hostname), { message: "Give agentId, fqdn or hostname." });

export type InventoryRejection = { index: number; path: string; message: string };

export function parseInventory(items: readonly unknown[]): { hosts: HostFacts[]; rejected: InventoryRejection[] } {
  const hosts: HostFacts[] = [];
  const rejected: InventoryRejection[] = [];
  items.forEach((raw, index) => {
    const r = item.safeParse(raw);
    if (!r.success) {
      const issue = r.error.issues[0]!;
      rejected.push({
        index,
        path: `assets.${index}${issue.path.length ? `.${issue.path.join(".")}` : ""}`,
        message: issue.message,
      });
      return;
    }
    const f = hostFacts(r.data);
    if (f) hosts.push(f);
    else rejected.push({ index, path: `assets.${index}`, message: "No usable host name or agent id." });
  });
  return { hosts, rejected };
}
