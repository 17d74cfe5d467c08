"use client";

import { useSearchParams } from "next/navigation";
import { useCallback } from "react";

/**
 * The page's query string as state. Writes go through `history.replaceState`, which Next.js syncs with
 * `useSearchParams` without a server round trip, so filters stay shareable and typing stays instant.
 */
export function useUrlParams() {
  const params = useSearchParams();
  const get = useCallback((name: string) => params.get(name) ?? "", [params]);
  const set = useCallback((updates: Record<string, string | null | undefined>) => {
    const next = new URLSearchParams(window.location.search);
    for (const [key, value] of Object.entries(updates)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    const qs = next.toString();
    window.history.replaceState(null, "", qs ? `?${qs}` : window.location.pathname);
  }, []);
  return { params, get, set };
}
