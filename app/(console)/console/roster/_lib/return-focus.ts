"use client";

import { useCallback, useRef } from "react";

/**
 * Focus back on what opened a dialog that is unmounted when it closes (Radix only restores focus to its own trigger):
 * `remember()` when opening, `restore()` after closing.
 */
export function useReturnFocus() {
  const opener = useRef<HTMLElement | null>(null);
  const remember = useCallback(() => {
    opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  }, []);
  const restore = useCallback(() => {
    const el = opener.current;
    opener.current = null;
    // After React has removed the dialog and Radix has given up its focus trap.
    if (el) setTimeout(() => el.isConnected && el.focus(), 0);
  }, []);
  return { remember, restore };
}
