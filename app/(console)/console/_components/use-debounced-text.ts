"use client";

import { useEffect, useRef, useState } from "react";

/**
 * A text filter's input state: what is typed lands (normalised) through `onCommit` after a pause, and the input
 * follows `value` when it changes from elsewhere (e.g. "Clear filters") without eating what is being typed.
 */
export function useDebouncedText(
  value: string,
  onCommit: (v: string) => void,
  normalize: (v: string) => string = (v) => v.trim(),
  delayMs = 350,
) {
  const [text, setText] = useState(value);
  const commit = useRef(onCommit);
  const norm = useRef(normalize);
  useEffect(() => {
    commit.current = onCommit;
    norm.current = normalize;
  });
  useEffect(() => setText((t) => (norm.current(t) === value ? t : value)), [value]);
  useEffect(() => {
    const next = norm.current(text);
    if (next === value) return;
    const timer = setTimeout(() => commit.current(next), delayMs);
    return () => clearTimeout(timer);
  }, [text, value, delayMs]);
  return [text, setText] as const;
}
