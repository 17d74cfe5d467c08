import "server-only";

import { TRPCError } from "@trpc/server";
import { cache } from "react";
import { serverCaller } from "@/app/_lib/trpc/server";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The message, or null when there is none. */
export const loadMessage = cache(async (id: string) => {
  if (!UUID.test(id)) return null;
  try {
    return await (await serverCaller()).outbox.byId({ id });
  } catch (e) {
    if (e instanceof TRPCError && e.code === "NOT_FOUND") return null;
    throw e;
  }
});
