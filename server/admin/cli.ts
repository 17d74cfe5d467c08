import { writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { z } from "zod";
import type { Db } from "@/db";
import { SOURCE_FORMATS } from "@/db/schema/sensors";
import { CUSTOMER_ROLES, STAFF_ROLES } from "@/db/schema/tenancy";
import { writeAuditCheckpoint } from "@/server/audit/checkpoint";
import { systemActor, verifyAuditChain } from "@/server/audit/service";
import { findCustomerBySlug, listAllCustomers } from "@/server/customers/queries";
import { createCustomerInput } from "@/server/customers/schema";
import { createCustomer } from "@/server/customers/service";
import { DomainError } from "@/server/errors";
import { assembleMonthlyReport } from "@/server/reports/model/assemble";
import { renderReportPdf } from "@/server/reports/pdf/render";
import { listReportVersions } from "@/server/reports/queries";
import { processReportJobs, requestAllReports, requestReport } from "@/server/reports/service";
import { FORMAT_DEFAULTS, sensorFields } from "@/server/sensors/schema";
import { createSensor } from "@/server/sensors/service";
import { monthInput } from "@/server/sla/views";
import { mintTenantId, systemContext } from "@/server/tenancy/tenant";
import { emailSchema, passwordSchema, personName } from "@/server/users/schema";
import { createUserDirect, inviteUser } from "@/server/users/service";
import { BACKUP_HELP } from "./backup-cli";

export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

export const HELP = `Watchkeeper admin CLI — npm run admin -- <command> [options]

Commands:
  staff:create     --email <e-mail> --name <name> [--role admin|soc_manager|analyst]
                   The password comes from --password or the WK_PASSWORD environment variable.
  customer:create  --name <name> --slug <slug> [--industry <industry>] [--country <XX>] [--timezone <IANA zone>]
  customer:list
  user:invite      --email <e-mail> [--name <name>] --role <role> (--customer <slug> | --staff)
                   Customer roles: admin, viewer. Staff roles: admin, soc_manager, analyst.
  sensor:create    --customer <slug> --source <format> --name <name> [--class <class>] [--site <site>]
                   [--interval <seconds>] [--provides <class,class>]   (interval default 300; --provides for xdr)
                   Formats: ocsf, crowdstrike, sentinelone, defender, suricata, zeek, wazuh. Prints the API key on
                   the last line (shown once).
  report:render    --customer <slug> --month <YYYY-MM> --out <file.pdf>
                   Assembles and renders one customer's monthly report to a file (not stored, not e-mailed);
                   prints pages, bytes and timings.
  report:list      --customer <slug>
                   Lists the customer's stored report versions: id, month, version, pages, bytes, SHA-256.
  report:generate  (--customer <slug> | --all) --month <YYYY-MM> [--send]
                   Generates and stores the report now (a new version); --send e-mails the report contacts if that
                   month was never sent to them.
${BACKUP_HELP}
  audit:verify     Checks the audit log's keyed chain and the latest checkpoint; names the first row edited or removed.
  audit:checkpoint Writes a signed checkpoint of the audit log now (the scheduler does it daily).
  help             This text.

Exit codes: 0 done, 1 failed (or the audit chain is broken), 2 bad command or options, 3 database locked.`;

export type CliIo = {
  out: (line: string) => void;
  err: (line: string) => void;
  env: Record<string, string | undefined>;
};

class Usage extends Error {}

function opts(args: string[], spec: Record<string, "string" | "boolean">) {
  const options = Object.fromEntries(Object.entries(spec).map(([k, type]) => [k, { type }])) as Record<
    string,
    { type: "string" | "boolean" }
  >;
  try {
    return parseArgs({ args, options, strict: true, allowPositionals: false }).values as Record<
      string,
      string | boolean | undefined
    >;
  } catch (e) {
    throw new Usage((e as Error).message);
  }
}

function parse<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const r = schema.safeParse(value);
  if (!r.success) {
    const lines = r.error.issues.map((i) => `  --${i.path.join(".") || what}: ${i.message}`);
    throw new Usage(`Invalid ${what}:\n${lines.join("\n")}`);
  }
  return r.data;
}

/** Runs one command against `db`. Never throws: returns the exit code and writes messages to io. */
export async function runCli(argv: string[], db: Db, io: CliIo): Promise<number> {
  const [command, ...args] = argv;
  const ctx = systemContext(db, "admin CLI");
  try {
    switch (command) {
      case undefined:
      case "help":
      case "--help":
      case "-h":
        io.out(HELP);
        return EXIT.ok;

      case "staff:create": {
        const o = opts(args, { email: "string", name: "string", role: "string", password: "string" });
        const input = parse(
          z.object({ email: emailSchema, name: personName, role: z.enum(STAFF_ROLES), password: passwordSchema }),
          { email: o.email, name: o.name, role: o.role ?? "admin", password: o.password ?? io.env.WK_PASSWORD },
          "staff member",
        );
        await createUserDirect(db, null, input, systemActor("admin CLI"));
        io.out(`Created ${input.role} ${input.email}. Sign in at /sign-in; staff enrol two-factor at first sign-in.`);
        return EXIT.ok;
      }

      case "customer:create": {
        const o = opts(args, {
          name: "string",
          slug: "string",
          industry: "string",
          country: "string",
          timezone: "string",
        });
        const input = parse(
          createCustomerInput,
          { industry: "Other", country: "US", timezone: "UTC", ...definedOnly(o) },
          "customer",
        );
        const row = await createCustomer(ctx, input);
        io.out(`Created customer ${row.name} (slug ${row.slug}, id ${row.id}).`);
        return EXIT.ok;
      }

      case "customer:list": {
        opts(args, {});
        const rows = await listAllCustomers(db);
        if (rows.length === 0) io.out("No customers yet. Create one with customer:create.");
        for (const r of rows) {
          io.out(`${r.slug.padEnd(24)} ${r.name.padEnd(36)} ${r.timezone.padEnd(22)} ${r.users} user(s)  ${r.status}`);
        }
        return EXIT.ok;
      }

      case "user:invite": {
        const o = opts(args, { email: "string", name: "string", role: "string", customer: "string", staff: "boolean" });
        if (Boolean(o.customer) === Boolean(o.staff))
          throw new Usage("Give exactly one of --customer <slug> or --staff.");
        const roles = o.staff ? STAFF_ROLES : CUSTOMER_ROLES;
        const input = parse(
          z.object({ email: emailSchema, name: personName.optional(), role: z.enum(roles) }),
          definedOnly({ email: o.email, name: o.name, role: o.role }),
          "invitation",
        );
        let org = null;
        if (o.customer) {
          const c = await findCustomerBySlug(db, String(o.customer));
          if (!c) throw new Usage(`No customer with the slug "${o.customer}". See customer:list.`);
          org = mintTenantId(c.id);
        }
        const inv = await inviteUser(ctx, org, input);
        io.out(`Invited ${inv.email}; the link expires ${inv.expiresAt.toISOString()}.`);
        if (inv.acceptUrl) io.out(inv.acceptUrl);
        return EXIT.ok;
      }

      case "sensor:create": {
        const o = opts(args, {
          customer: "string",
          source: "string",
          name: "string",
          class: "string",
          site: "string",
          interval: "string",
          provides: "string",
        });
        const format = parse(
          z.enum(SOURCE_FORMATS, { error: `Use one of: ${SOURCE_FORMATS.join(", ")}` }),
          o.source,
          "source",
        );
        if (!o.customer) throw new Usage("Give --customer <slug>.");
        const c = await findCustomerBySlug(db, String(o.customer));
        if (!c) throw new Usage(`No customer with the slug "${o.customer}". See customer:list.`);
        const d = FORMAT_DEFAULTS[format];
        const fields = parse(
          sensorFields,
          definedOnly({
            ...d,
            sourceFormat: format,
            name: o.name,
            sensorClass: o.class ?? d.sensorClass,
            site: o.site,
            heartbeatIntervalSeconds: o.interval === undefined ? undefined : Number(o.interval),
            providesClasses:
              o.provides === undefined
                ? undefined
                : String(o.provides)
                    .split(",")
                    .map((x) => x.trim()),
          }),
          "sensor",
        );
        const { sensor, apiKey } = await createSensor({ ...ctx, tenant: mintTenantId(c.id) }, fields);
        io.out(`Created ${format} sensor "${sensor.name}" for ${c.name} (id ${sensor.id}). Its API key, shown once:`);
        io.out(apiKey);
        return EXIT.ok;
      }

      case "report:list": {
        const o = opts(args, { customer: "string" });
        if (!o.customer) throw new Usage("Give --customer <slug>.");
        const c = await findCustomerBySlug(db, String(o.customer));
        if (!c) {
          io.err(`No customer with the slug "${o.customer}". See customer:list.`);
          return EXIT.failed;
        }
        const versions = await listReportVersions(db, mintTenantId(c.id));
        if (!versions.length) io.out(`No reports stored for ${c.name} yet.`);
        for (const v of versions) {
          io.out(
            `${v.id}  ${v.month}  v${v.version}  ${v.pages} pages  ${v.sizeBytes} bytes  ${v.trigger.padEnd(8)}  ${v.generatedAt.toISOString()}  sha256:${v.sha256}`,
          );
        }
        return EXIT.ok;
      }
      case "report:generate": {
        const o = opts(args, { customer: "string", all: "boolean", month: "string", send: "boolean" });
        if (!o.customer === !o.all) throw new Usage("Give either --customer <slug> or --all.");
        const month = parse(monthInput, o.month, "month");
        const send = Boolean(o.send);
        if (o.customer) {
          const c = await findCustomerBySlug(db, String(o.customer));
          if (!c) {
            io.err(`No customer with the slug "${o.customer}". See customer:list.`);
            return EXIT.failed;
          }
          await requestReport({ ...ctx, tenant: mintTenantId(c.id) }, month, send);
        } else {
          const { total } = await requestAllReports(ctx, month, send);
          io.out(`Queued ${total} reports for ${month}.`);
        }
        const r = await processReportJobs(db);
        io.out(
          `Generated ${r.done} report${r.done === 1 ? "" : "s"} for ${month}${r.failed ? `; ${r.failed} failed` : ""}.`,
        );
        return r.failed ? EXIT.failed : EXIT.ok;
      }
      case "report:render": {
        const o = opts(args, { customer: "string", month: "string", out: "string" });
        if (!o.customer) throw new Usage("Give --customer <slug>.");
        const month = parse(monthInput, o.month, "month");
        if (!o.out) throw new Usage("Give --out <file.pdf>.");
        const c = await findCustomerBySlug(db, String(o.customer));
        if (!c) {
          io.err(`No customer with the slug "${o.customer}". See customer:list.`);
          return EXIT.failed;
        }
        const t0 = performance.now();
        const model = await assembleMonthlyReport(db, mintTenantId(c.id), month);
        const t1 = performance.now();
        const { pdf, pages } = await renderReportPdf(model);
        const t2 = performance.now();
        const file = path.resolve(String(o.out));
        await writeFile(file, pdf);
        io.out(
          `Wrote ${file}: ${c.name}, ${model.monthLabel}. ${pages} pages, ${pdf.length} bytes; ` +
            `assembled in ${Math.round(t1 - t0)} ms, rendered in ${Math.round(t2 - t1)} ms.`,
        );
        return EXIT.ok;
      }

      case "audit:verify": {
        opts(args, {});
        const r = await verifyAuditChain(db);
        if (r.ok) {
          const cp = r.checkpoint
            ? `latest checkpoint (entry ${r.checkpoint.seq}, ${r.checkpoint.at}) holds`
            : "no checkpoint yet";
          io.out(`Audit chain intact: ${r.checked} entries checked; ${cp}.`);
          return EXIT.ok;
        }
        const why = {
          content: "its content was changed (or its hash recomputed without the key)",
          link: "the entry before it was removed or altered",
          gap: "the entries numbered before it were removed",
          truncated: "the latest checkpoint names it but the log ends before it: the newest entries were removed",
          checkpoint: "it does not match the latest signed checkpoint",
        }[r.reason];
        io.err(`Audit chain BROKEN at entry ${r.seq}: ${why} (${r.checked} entries before it are intact).`);
        return EXIT.failed;
      }

      case "audit:checkpoint": {
        opts(args, {});
        const cp = await writeAuditCheckpoint(db, new Date());
        io.out(
          cp ? `Checkpoint written: entry ${cp.seq} at ${cp.at}.` : "The audit log is empty: nothing to checkpoint.",
        );
        return EXIT.ok;
      }

      default:
        throw new Usage(`Unknown command "${command}".`);
    }
  } catch (e) {
    if (e instanceof Usage) {
      io.err(`${e.message}\nRun "npm run admin -- help" for the commands.`);
      return EXIT.usage;
    }
    if (e instanceof DomainError) {
      io.err(e.message);
      return EXIT.failed;
    }
    io.err(`Failed: ${(e as Error).message}`);
    return EXIT.failed;
  }
}

function definedOnly<T extends Record<string, unknown>>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
