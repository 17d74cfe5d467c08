import "server-only";

import { TRPCError } from "@trpc/server";
import { cache } from "react";
import { getQueryClient, trpc } from "@/app/_lib/trpc/server";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The incident, into the request's query cache (so the client starts with it), or null when there is none. */
export const loadIncident = cache(async (incidentId: string) => {
  if (!UUID.test(incidentId)) return null;
  try {
    return await getQueryClient().fetchQuery(trpc.myIncidents.byId.queryOptions({ incidentId }));
  } catch (e) {
    if (e instanceof TRPCError && (e.code === "NOT_FOUND" || e.code === "BAD_REQUEST")) return null;
    throw e;
  }
});
