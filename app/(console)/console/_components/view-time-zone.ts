"use client";

import { useSyncExternalStore } from "react";

/**
 * The time zone the console shows its times in: the viewer's browser zone unless they chose another (kept in this
 * browser). Read with `useViewTimeZone`; `null` while hydrating (the server renders UTC).
 */
const KEY = "wk-console-tz";
const listeners = new Set<() => void>();

export const browserTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";

function read(): string {
  try {
    return localStorage.getItem(KEY) || browserTimeZone();
  } catch {
    return browserTimeZone();
  }
}

export function chosenTimeZone(): string | null {
  try {
    return localStorage.getItem(KEY);
  } catch {
    return null;
  }
}

export function setViewTimeZone(zone: string | null) {
  try {
    if (zone) localStorage.setItem(KEY, zone);
    else localStorage.removeItem(KEY);
  } catch {}
  for (const l of listeners) l();
}

const subscribe = (l: () => void) => {
  listeners.add(l);
  return () => listeners.delete(l);
};

export function useViewTimeZone(): string | null {
  return useSyncExternalStore(subscribe, read, () => null);
}
