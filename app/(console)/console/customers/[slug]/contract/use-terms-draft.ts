"use client";

import { useCallback, useState } from "react";
import type { TermErrors, TermsDraft } from "./terms-draft";

/** Draft fields whose errors live under another path. */
const ERROR_ROOT: Partial<Record<keyof TermsDraft, string>> = {
  coverageKind: "coverage",
  timeZone: "coverage",
  weekdays: "coverage",
  holidays: "coverage",
  atRiskPercent: "atRiskShare",
};

/** The editor's state; a change clears the messages of the fields it touched. */
export function useTermsDraft(initial: () => TermsDraft) {
  const [draft, setDraft] = useState(initial);
  const [errors, setErrors] = useState<TermErrors>({});
  const change = useCallback((patch: Partial<TermsDraft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    const roots = Object.keys(patch).map((k) => ERROR_ROOT[k as keyof TermsDraft] ?? k);
    setErrors((e) => {
      const next = Object.fromEntries(
        Object.entries(e).filter(([k]) => !roots.some((r) => k === r || k.startsWith(`${r}.`))),
      );
      return Object.keys(next).length === Object.keys(e).length ? e : next;
    });
  }, []);
  return { draft, setDraft, errors, setErrors, change };
}
