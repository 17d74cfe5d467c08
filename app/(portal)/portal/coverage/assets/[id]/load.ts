import "server-only";

import { TRPCError } from "@trpc/server";
import { cache } from "react";
import { isUuid } from "@/app/_components/coverage/asset-params";
import { serverCaller } from "@/app/_lib/trpc/server";

/** The customer's own asset, or null when there is none (or it is another customer's). One lookup per request. */
export const loadMyAsset = cache(async (id: string) => {
  if (!isUuid(id)) return null;
  try {
    return await (await serverCaller()).myAssets.byId({ assetId: id });
  } catch (e) {
    if (e instanceof TRPCError && (e.code === "NOT_FOUND" || e.code === "BAD_REQUEST")) return null;
    throw e;
  }
});
