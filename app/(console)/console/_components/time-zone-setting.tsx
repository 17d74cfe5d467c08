"use client";

import { Globe } from "lucide-react";
import { useId, useMemo } from "react";
import { Select } from "@/app/_components/ui/select";
import { cn } from "@/app/_lib/cn";
import { browserTimeZone, chosenTimeZone, setViewTimeZone, useViewTimeZone } from "./view-time-zone";

const ZONES = ["UTC", "Europe/London", "Europe/Berlin", "Europe/Oslo", "America/New_York", "Asia/Singapore"];
const show = (zone: string) => zone.replaceAll("_", " ");

/**
 * "Times in Europe/Berlin" with a choice of zone; every console time (DateTime) follows it. In the console header on
 * every page (`compact`: the zone names only, the label hidden on narrow screens).
 */
export function TimeZoneSetting({ compact = false }: { compact?: boolean }) {
  const zone = useViewTimeZone();
  const id = useId();
  const options = useMemo(() => {
    const mine = typeof window === "undefined" ? "UTC" : browserTimeZone();
    return [mine, ...ZONES.filter((z) => z !== mine)];
  }, []);
  if (!zone)
    return <p className={cn("text-xs text-muted-foreground", compact ? "sr-only" : "h-9")}>Times in your time zone</p>;
  const custom = chosenTimeZone();
  return (
    <div className="flex min-w-0 items-center justify-end gap-1.5 text-xs text-muted-foreground">
      <Globe aria-hidden="true" className="size-3.5 shrink-0" />
      <label htmlFor={id} className={cn(compact && "sr-only lg:not-sr-only lg:whitespace-nowrap")}>
        Times in
      </label>
      <Select
        id={id}
        wrapperClassName="w-auto min-w-0"
        className={cn("h-8 text-xs", compact && "max-w-36 sm:max-w-none")}
        value={custom ?? ""}
        onChange={(e) => setViewTimeZone(e.target.value || null)}
      >
        <option value="">{compact ? show(browserTimeZone()) : `${show(browserTimeZone())} (this browser)`}</option>
        {options
          .filter((z) => z !== browserTimeZone())
          .map((z) => (
            <option key={z} value={z}>
              {show(z)}
            </option>
          ))}
      </Select>
    </div>
  );
}
