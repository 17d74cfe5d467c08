"use client";

import { useSyncExternalStore } from "react";
import { type DateInput, formatDate, formatDateTime, formatRelative, toDate } from "@/lib/format";

const noop = () => () => {};
const useHydrated = () =>
  useSyncExternalStore(
    noop,
    () => true,
    () => false,
  );

/**
 * A moment in the organisation's time zone (the same on server and browser, so no hydration flicker). `relative`
 * switches to "3 min ago" once in the browser; the full date and zone stay in the tooltip.
 */
export function When({
  value,
  timeZone,
  mode = "datetime",
  className,
}: {
  value: DateInput;
  timeZone: string;
  mode?: "date" | "datetime" | "relative";
  className?: string;
}) {
  const hydrated = useHydrated();
  const d = toDate(value);
  if (Number.isNaN(d.getTime())) return <span className={className}>—</span>;
  const full = formatDateTime(d, timeZone);
  const text = mode === "relative" && hydrated ? formatRelative(d) : mode === "date" ? formatDate(d, timeZone) : full;
  return (
    <time dateTime={d.toISOString()} title={`${full} (${timeZone.replaceAll("_", " ")})`} className={className}>
      {text}
    </time>
  );
}
