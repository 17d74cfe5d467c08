"use client";

import { Globe } from "lucide-react";
import { useId, useMemo } from "react";
import { Select } from "@/app/_components/ui/select";
import { browserTimeZone, chosenTimeZone, setViewTimeZone, useViewTimeZone } from "./view-time-zone";

const ZONES = ["UTC", "Europe/London", "Europe/Berlin", "Europe/Oslo", "America/New_York", "Asia/Singapore"];

/** "Times in Europe/Berlin" with a choice of zone; every console time (DateTime) follows it. */
export function TimeZoneSetting() {
  const zone = useViewTimeZone();
  const id = useId();
  const options = useMemo(() => {
    const mine = typeof window === "undefined" ? "UTC" : browserTimeZone();
    return [mine, ...ZONES.filter((z) => z !== mine)];
  }, []);
  if (!zone) return <p className="h-9 text-xs text-muted-foreground">Times in your time zone</p>;
  const custom = chosenTimeZone();
  return (
    <div className="flex flex-wrap items-center justify-end gap-2 text-xs text-muted-foreground">
      <Globe aria-hidden="true" className="size-3.5" />
      <label htmlFor={id}>Times in</label>
      <Select
        id={id}
        wrapperClassName="w-auto"
        className="h-8 text-xs"
        value={custom ?? ""}
        onChange={(e) => setViewTimeZone(e.target.value || null)}
      >
        <option value="">{`${browserTimeZone().replaceAll("_", " ")} (this browser)`}</option>
        {options
          .filter((z) => z !== browserTimeZone())
          .map((z) => (
            <option key={z} value={z}>
              {z.replaceAll("_", " ")}
            </option>
          ))}
      </Select>
    </div>
  );
}
