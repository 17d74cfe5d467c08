import { describe, expect, it } from "vitest";
import { sensorHealth } from "./health";

const now = new Date("2026-11-28T12:00:00Z");
const ago = (min: number) => new Date(now.getTime() - min * 60_000);

describe("sensorHealth", () => {
  it("tells healthy, silent, degraded, never seen and retired apart", () => {
    const s = { status: "active", lastHeartbeatAt: ago(1), lastEventAt: null, healthNoteAt: null };
    expect(sensorHealth(s, now)).toBe("healthy");
    expect(sensorHealth({ ...s, lastHeartbeatAt: ago(16) }, now)).toBe("silent");
    expect(sensorHealth({ ...s, lastHeartbeatAt: ago(16), lastEventAt: ago(2) }, now)).toBe("healthy");
    expect(sensorHealth({ ...s, healthNoteAt: ago(30) }, now)).toBe("degraded");
    expect(sensorHealth({ ...s, healthNoteAt: ago(61) }, now)).toBe("healthy");
    expect(sensorHealth({ ...s, lastHeartbeatAt: null }, now)).toBe("never_seen");
    expect(sensorHealth({ ...s, status: "retired" }, now)).toBe("retired");
  });
});
