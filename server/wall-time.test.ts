import { Temporal } from "temporal-polyfill";
import { describe, expect, it } from "vitest";
import { wallToInstant } from "./wall-time";

const ZONES = [
  "Europe/Berlin",
  "America/Chicago",
  "Asia/Singapore",
  "Australia/Sydney",
  "Australia/Lord_Howe", // 30-minute DST
  "Asia/Kathmandu", // +05:45
  "America/Santiago",
  "Europe/Dublin", // negative DST in the tz database
  "Africa/Casablanca", // DST suspended in Ramadan
  "Pacific/Apia", // skipped 30 December 2011
  "America/St_Johns",
  "UTC",
];

const viaTemporal = (y: number, m: number, d: number, h: number, mi: number, tz: string) =>
  Temporal.PlainDateTime.from({ year: y, month: m, day: d, hour: h, minute: mi }).toZonedDateTime(tz, {
    disambiguation: "compatible",
  }).epochMilliseconds;

describe("wallToInstant", () => {
  it("agrees with Temporal's compatible disambiguation around every transition of 2016–2030", () => {
    let checked = 0;
    for (const tz of ZONES) {
      // Every transition: check each quarter hour of the local wall clock from 2 h before to 2 h after it.
      let z = Temporal.ZonedDateTime.from({ year: 2016, month: 1, day: 1, timeZone: tz });
      for (;;) {
        const next = z.getTimeZoneTransition("next");
        if (!next || next.year > 2030) break;
        const local = next.toPlainDateTime();
        for (let q = -8; q <= 8; q++) {
          const w = local.add({ minutes: 15 * q });
          const args = [w.year, w.month, w.day, w.hour, w.minute, tz] as const;
          expect(wallToInstant(...args), `${tz} ${w}`).toBe(viaTemporal(...args));
          checked++;
        }
        z = next;
      }
    }
    expect(checked).toBeGreaterThan(1000);
  });

  it("agrees with Temporal on ordinary times across the century", () => {
    let seed = 7;
    const rnd = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    for (let i = 0; i < 1500; i++) {
      const tz = ZONES[rnd(ZONES.length)]!;
      const args = [2000 + rnd(100), 1 + rnd(12), 1 + rnd(28), rnd(24), rnd(60), tz] as const;
      expect(wallToInstant(...args), args.join(" ")).toBe(viaTemporal(...args));
    }
  });

  it("moves a time in the spring-forward gap forward and takes the first of a repeated time", () => {
    // Berlin 2026-03-29 02:30 does not exist → 03:30 CEST; 2026-10-25 02:30 happens twice → the CEST one.
    expect(new Date(wallToInstant(2026, 3, 29, 2, 30, "Europe/Berlin")).toISOString()).toBe("2026-03-29T01:30:00.000Z");
    expect(new Date(wallToInstant(2026, 10, 25, 2, 30, "Europe/Berlin")).toISOString()).toBe(
      "2026-10-25T00:30:00.000Z",
    );
  });
});
