"use client";

import { useSyncExternalStore } from "react";
import { type DateInput, formatDate, formatDateTime, formatRelative, formatTime, toDate } from "@/lib/format";
import { useViewTimeZone } from "./view-time-zone";

const noop = () => () => {};

/** False while hydrating server HTML, true afterwards: server and browser may sit in different time zones. */
function useHydrated() {
  return useSyncExternalStore(
    noop,
    () => true,
    () => false,
  );
}

/**
 * A <time> in the viewer's time zone (or `timeZone`). The server render and the hydration pass use UTC so the
 * markup matches; the browser then re-renders in local time. The full date and time is in the tooltip.
 */
export function DateTime({
  value,
  mode = "datetime",
  timeZone,
  className,
}: {
  value: DateInput;
  mode?: "date" | "time" | "datetime" | "relative";
  timeZone?: string;
  className?: string;
}) {
  const hydrated = useHydrated();
  const viewZone = useViewTimeZone();
  const d = toDate(value);
  if (Number.isNaN(d.getTime())) return <span className={className}>—</span>;
  // The console's chosen zone (the browser's by default) unless the caller names one.
  const zone = hydrated ? (timeZone ?? viewZone ?? undefined) : "UTC";
  const text =
    mode === "relative" && hydrated
      ? formatRelative(d)
      : mode === "date" || mode === "relative"
        ? formatDate(d, zone)
        : mode === "time"
          ? formatTime(d, zone)
          : formatDateTime(d, zone);
  return (
    <time
      dateTime={d.toISOString()}
      title={`${formatDateTime(d, zone)}${zone ? ` (${zone.replaceAll("_", " ")})` : ""}`}
      className={className}
    >
      {text}
    </time>
  );
}
