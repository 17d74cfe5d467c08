import type { CustomerRole, StaffRole } from "@/db/schema/tenancy";
import { Forbidden } from "@/server/errors";

/**
 * Named permission statements. Services check them through `can`/`assertCan`; the UI receives the same list from
 * `me.session` to show or hide actions. Pure: no database, no session lookups.
 */
export const statements = {
  customer: ["read", "create", "update"],
  contact: ["read", "manage"],
  customerUser: ["read", "invite", "remove"],
  staff: ["read", "invite", "manage"],
  audit: ["read", "verify"],
  outbox: ["read"],
  sensor: ["read", "manage"],
  asset: ["read", "import"],
  alert: ["read", "triage"],
  incident: ["read", "manage", "comment", "answer", "approve"],
  contract: ["read", "manage"],
  sla: ["read", "resolve"],
  report: ["read", "generate"],
  settings: ["manage"],
  recommendation: ["read", "manage", "respond"],
  hunt: ["read", "manage"],
  posture: ["read"],
  roster: ["read", "request", "manage"],
} as const;

type Statements = typeof statements;
export type Permission = { [R in keyof Statements]: `${R}:${Statements[R][number]}` }[keyof Statements];

export type Actor = { side: "staff"; role: StaffRole } | { side: "customer"; role: CustomerRole };

const grants: Record<`${Actor["side"]}:${string}`, readonly Permission[]> = {
  "staff:admin": [
    "customer:read",
    "customer:create",
    "customer:update",
    "contact:read",
    "contact:manage",
    "customerUser:read",
    "customerUser:invite",
    "customerUser:remove",
    "staff:read",
    "staff:invite",
    "staff:manage",
    "audit:read",
    "audit:verify",
    "outbox:read",
    "sensor:read",
    "asset:read",
    "asset:import",
    "sensor:manage",
    "alert:read",
    "alert:triage",
    "incident:read",
    "incident:manage",
    "incident:comment",
    "contract:read",
    "contract:manage",
    "sla:read",
    "sla:resolve",
    "report:read",
    "report:generate",
    "settings:manage",
    "recommendation:read",
    "recommendation:manage",
    "hunt:read",
    "hunt:manage",
    "posture:read",
    "roster:read",
    "roster:request",
    "roster:manage",
  ],
  "staff:soc_manager": [
    "customer:read",
    "customer:create",
    "customer:update",
    "contact:read",
    "contact:manage",
    "customerUser:read",
    "customerUser:invite",
    "customerUser:remove",
    "staff:read",
    "audit:read",
    "outbox:read",
    "sensor:read",
    "asset:read",
    "asset:import",
    "sensor:manage",
    "alert:read",
    "alert:triage",
    "incident:read",
    "incident:manage",
    "incident:comment",
    "contract:read",
    "contract:manage",
    "sla:read",
    "sla:resolve",
    "report:read",
    "report:generate",
    "recommendation:read",
    "recommendation:manage",
    "hunt:read",
    "hunt:manage",
    "posture:read",
    "roster:read",
    "roster:request",
    "roster:manage",
  ],
  "staff:analyst": [
    "customer:read",
    "contact:read",
    "customerUser:read",
    "staff:read",
    "sensor:read",
    "asset:read",
    "alert:read",
    "alert:triage",
    "incident:read",
    "incident:manage",
    "incident:comment",
    "contract:read",
    "sla:read",
    "report:read",
    "recommendation:read",
    "recommendation:manage",
    "hunt:read",
    "hunt:manage",
    "posture:read",
    "roster:read",
    "roster:request",
  ],
  "customer:admin": [
    "customer:read",
    "contact:read",
    "contact:manage",
    "customerUser:read",
    "customerUser:invite",
    "customerUser:remove",
    "sensor:read",
    "asset:read",
    "asset:import",
    "incident:read",
    "incident:comment",
    "incident:answer",
    "incident:approve",
    "contract:read",
    "sla:read",
    "report:read",
    "recommendation:read",
    "recommendation:respond",
    "hunt:read",
    "posture:read",
  ],
  "customer:viewer": [
    "customer:read",
    "contact:read",
    "customerUser:read",
    "sensor:read",
    "asset:read",
    "incident:read",
    "contract:read",
    "sla:read",
    "report:read",
    "recommendation:read",
    "hunt:read",
    "posture:read",
  ],
};

export function permissionsOf(actor: Actor): readonly Permission[] {
  return grants[`${actor.side}:${actor.role}`] ?? [];
}

export function can(actor: Actor, permission: Permission): boolean {
  return permissionsOf(actor).includes(permission);
}

export const ROLE_LABELS: Record<string, string> = {
  "staff:admin": "Provider admin",
  "staff:soc_manager": "SOC manager",
  "staff:analyst": "Analyst",
  "customer:admin": "Customer admin",
  "customer:viewer": "Customer viewer",
};

export function roleLabel(actor: Actor): string {
  return ROLE_LABELS[`${actor.side}:${actor.role}`] ?? actor.role;
}

/** The one helper services use to check a permission beyond tenancy. */
export function assertCan(actor: Actor, permission: Permission): void {
  if (!can(actor, permission)) throw new Forbidden(`Your role (${roleLabel(actor)}) may not do this (${permission}).`);
}
