import { describe, expect, it } from "vitest";
import { finalizeAlert, TEXT_MAX, TITLE_MAX } from "./finalize";
import { emptyEntities, type NormalizedAlert } from "./types";

const base = (over: Partial<NormalizedAlert> = {}): NormalizedAlert => ({
  kind: "alert",
  dedupKey: "x:1",
  vendorAlertId: "1",
  vendorStatus: "new",
  title: "Suspicious PowerShell",
  description: "desc",
  severity: 4,
  vendorSeverity: "High",
  eventTime: new Date("2026-11-01T10:00:00Z"),
  vendorCreatedAt: null,
  techniques: ["T1059.001", "T9999", "T1110"],
  entities: { ...emptyEntities(), hosts: [{ name: "WS1.corp.example" }] },
  product: "EDR",
  ...over,
});
const received = new Date("2026-11-01T10:00:05Z");

describe("finalizeAlert", () => {
  it("keeps only known ATT&CK ids and derives their tactics in matrix order", () => {
    const r = finalizeAlert(base(), received);
    expect(r.techniques).toEqual(["T1059.001", "T1110"]);
    expect(r.tactics).toEqual(["TA0002", "TA0006"]);
    expect(r.keys).toEqual(["host:ws1"]);
  });

  it("cuts over-long title, description and command lines and flags them", () => {
    const r = finalizeAlert(
      base({
        title: "t".repeat(TITLE_MAX + 10),
        description: "d".repeat(TEXT_MAX + 1),
        entities: { ...emptyEntities(), processes: [{ name: "cmd.exe", commandLine: "c".repeat(TEXT_MAX * 2) }] },
      }),
      received,
    );
    expect(r.title).toHaveLength(TITLE_MAX);
    expect(r.description).toHaveLength(TEXT_MAX);
    expect(r.entities.processes[0]!.commandLine).toHaveLength(TEXT_MAX);
    expect(r.truncated).toEqual(["processes.0.commandLine", "title", "description"]);
  });

  it("accepts an event time more than 24 h ahead as receivedAt, keeping the original and flagging clockSkew", () => {
    const future = new Date(received.getTime() + 25 * 3600_000);
    const r = finalizeAlert(base({ eventTime: future }), received);
    expect(r.eventTime).toEqual(received);
    expect(r.originalEventTime).toEqual(future);
    expect(r.clockSkew).toBe(true);
    const near = finalizeAlert(base({ eventTime: new Date(received.getTime() + 23 * 3600_000) }), received);
    expect(near.clockSkew).toBe(false);
  });

  it("strips NUL and mends lone surrogates in text", () => {
    const r = finalizeAlert(base({ title: "a\u0000b\ud800" }), received);
    expect(r.title).toBe("ab\uFFFD");
  });
});
