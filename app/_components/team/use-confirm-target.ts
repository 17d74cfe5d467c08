"use client";

import { useState } from "react";

/**
 * The thing an "are you sure?" dialog is about, and the error of the confirmed action.
 * `ask` opens the dialog with a clean error; `close` shuts it; `fail` keeps it open with a message.
 */
export function useConfirmTarget<T>() {
  const [target, setTarget] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  return {
    target,
    error,
    ask: (next: T) => {
      setError(null);
      setTarget(next);
    },
    close: () => setTarget(null),
    fail: (message: string) => setError(message),
    clearError: () => setError(null),
  };
}
