"use client";

import { useSearchParams } from "next/navigation";
import { useCallback } from "react";

/**
 * The query string as state. Writes use `history.replaceState`, which Next.js syncs with `useSearchParams` without
 * a server round trip, so filters stay shareable and typing stays instant.
 */
export function useUrlParams() {
  const params = useSearchParams();
  const set = useCallback((updates: Record<string, string | number | null | undefined>) => {
    const next = new URLSearchParams(window.location.search);
    for (const [key, value] of Object.entries(updates)) {
      if (value !== null && value !== undefined && value !== "") next.set(key, String(value));
      else next.delete(key);
    }
    const qs = next.toString();
    window.history.replaceState(null, "", qs ? `?${qs}` : window.location.pathname);
  }, []);
  return { params, set };
}
