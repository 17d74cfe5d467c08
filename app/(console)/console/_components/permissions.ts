import type { Permission } from "@/server/auth/permissions";

/** `me.session` types `permissions` as `never[] | readonly Permission[]`; this reads it as the latter. */
export function canDo(info: { permissions: readonly unknown[] }, permission: Permission): boolean {
  return (info.permissions as readonly Permission[]).includes(permission);
}
