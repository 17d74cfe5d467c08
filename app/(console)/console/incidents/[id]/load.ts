import "server-only";

import { TRPCError } from "@trpc/server";
import { cache } from "react";
import { getQueryClient, trpc } from "@/app/_lib/trpc/server";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The incident, into the request's query cache, or null when there is none. One lookup per request. */
export const loadIncident = cache(async (id: string) => {
  if (!UUID.test(id)) return null;
  try {
    return await getQueryClient().fetchQuery(trpc.incidents.byId.queryOptions({ incidentId: id }));
  } catch (e) {
    if (e instanceof TRPCError && (e.code === "NOT_FOUND" || e.code === "BAD_REQUEST")) return null;
    throw e;
  }
});
