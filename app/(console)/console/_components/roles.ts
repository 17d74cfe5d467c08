import type { CustomerRole, StaffRole } from "@/db/schema/tenancy";

export type RoleOption<R extends string = string> = { value: R; label: string; description: string };

export const STAFF_ROLE_OPTIONS: readonly RoleOption<StaffRole>[] = [
  {
    value: "admin",
    label: "Provider admin",
    description: "Everything, including staff, the audit chain and the outbox.",
  },
  { value: "soc_manager", label: "SOC manager", description: "Customers, their contacts and their users." },
  { value: "analyst", label: "Analyst", description: "Reads customers, contacts and staff." },
];

export const CUSTOMER_ROLE_OPTIONS: readonly RoleOption<CustomerRole>[] = [
  { value: "admin", label: "Admin", description: "Manages the organisation's contacts and users." },
  { value: "viewer", label: "Viewer", description: "Reads the portal: incidents, reports and contacts." },
];

export function roleLabel(options: readonly RoleOption[], role: string): string {
  return options.find((o) => o.value === role)?.label ?? role;
}
