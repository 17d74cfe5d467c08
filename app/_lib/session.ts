import "server-only";

import { TRPCError } from "@trpc/server";
import { redirect } from "next/navigation";
import { cache } from "react";
import { serverCaller } from "./trpc/server";

/** The signed-in user's side, role and permissions, or null when signed out. One lookup per request. */
export const getSessionInfo = cache(async () => {
  try {
    return await (await serverCaller()).me.session();
  } catch (e) {
    if (e instanceof TRPCError && e.code === "UNAUTHORIZED") return null;
    throw e;
  }
});
export type SessionInfo = NonNullable<Awaited<ReturnType<typeof getSessionInfo>>>;

/** Where a signed-in user belongs. */
export function homeOf(info: SessionInfo) {
  if (!info.actor) return "/sign-in?error=no-membership";
  if (info.needsTwoFactor) return "/two-factor/setup";
  return info.actor.side === "staff" ? "/console" : "/portal";
}

export async function requireStaff(nextPath = "/console") {
  const info = await getSessionInfo();
  if (!info) redirect(`/sign-in?next=${encodeURIComponent(nextPath)}`);
  if (info.actor?.side !== "staff") redirect(homeOf(info));
  if (info.needsTwoFactor) redirect("/two-factor/setup");
  return info;
}

export async function requireCustomer(nextPath = "/portal") {
  const info = await getSessionInfo();
  if (!info) redirect(`/sign-in?next=${encodeURIComponent(nextPath)}`);
  if (info.actor?.side !== "customer" || !info.customer) redirect(homeOf(info));
  return info as SessionInfo & { customer: NonNullable<SessionInfo["customer"]> };
}
