"use client";

import { useSearchParams } from "next/navigation";
import { useCallback } from "react";

/**
 * The page's query string as state, for the console and the portal alike: filters live in the URL, so a filtered
 * list can be shared and survives a reload. Writes go through `history.replaceState`, which Next.js syncs with
 * `useSearchParams` without a server round trip, so typing stays instant. An empty value removes the key.
 */
export function useUrlParams() {
  const params = useSearchParams();
  const get = useCallback((name: string) => params.get(name) ?? "", [params]);
  const set = useCallback((updates: Record<string, string | number | null | undefined>) => {
    const next = new URLSearchParams(window.location.search);
    for (const [key, value] of Object.entries(updates)) {
      if (value !== null && value !== undefined && value !== "") next.set(key, String(value));
      else next.delete(key);
    }
    const qs = next.toString();
    window.history.replaceState(null, "", qs ? `?${qs}` : window.location.pathname);
  }, []);
  return { params, get, set };
}
