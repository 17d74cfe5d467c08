import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/trpc/root";

export type RouterOutputs = inferRouterOutputs<AppRouter>;
export type Customer = RouterOutputs["customers"]["bySlug"];
export type Contact = RouterOutputs["customers"]["contacts"][number];
export type AuditEntry = RouterOutputs["audit"]["list"]["items"][number];
export type OutboxItem = RouterOutputs["outbox"]["list"]["items"][number];
