import "server-only";

import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import { createTRPCOptionsProxy, type TRPCQueryOptions } from "@trpc/tanstack-react-query";
import { headers } from "next/headers";
import { cache, type ReactNode } from "react";
import { createTRPCContext } from "@/server/trpc/init";
import { appRouter, createCaller } from "@/server/trpc/root";
import { makeQueryClient } from "./query-client";

const createContext = cache(async () => createTRPCContext({ headers: new Headers(await headers()) }));

export const getQueryClient = cache(makeQueryClient);

/** Server components prefetch through this proxy and hand the cache to the client in <HydrateClient>. */
export const trpc = createTRPCOptionsProxy({ ctx: createContext, router: appRouter, queryClient: getQueryClient });

/** Direct calls from server components and layouts (no cache hand-off). */
export const serverCaller = cache(async () => createCaller(await createContext()));

export function HydrateClient({ children }: { children: ReactNode }) {
  return <HydrationBoundary state={dehydrate(getQueryClient())}>{children}</HydrationBoundary>;
}

// biome-ignore lint/suspicious/noExplicitAny: the options type of any procedure
export function prefetch<T extends ReturnType<TRPCQueryOptions<any>>>(queryOptions: T) {
  const queryClient = getQueryClient();
  if (queryOptions.queryKey[1]?.type === "infinite") void queryClient.prefetchInfiniteQuery(queryOptions as never);
  else void queryClient.prefetchQuery(queryOptions);
}
