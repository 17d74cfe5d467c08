import "server-only";

import { TRPCError } from "@trpc/server";
import { cache } from "react";
import { getQueryClient, trpc } from "@/app/_lib/trpc/server";

/** The customer by slug, into the request's query cache, or null when there is none. */
export const loadCustomer = cache(async (slug: string) => {
  try {
    return await getQueryClient().fetchQuery(trpc.customers.bySlug.queryOptions({ slug }));
  } catch (e) {
    if (e instanceof TRPCError && (e.code === "NOT_FOUND" || e.code === "BAD_REQUEST")) return null;
    throw e;
  }
});
