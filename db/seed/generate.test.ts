import { describe, expect, it } from "vitest";
import { normalizers } from "@/server/ingest/normalize";
import { SOURCE_FORMATS } from "@/server/ingest/types";
import { detectionsFor, inSentence, makeHosts, makeUsers, render, rng, signalFrom } from "./generate";

describe("demo alert generator", () => {
  it("renders every detection in every format as a payload the intake accepts", () => {
    const r = rng("test");
    const hosts = makeHosts(r, "ACM", "acme.example", 5);
    const users = makeUsers(r, 5);
    for (const format of SOURCE_FORMATS) {
      for (const d of detectionsFor(format)) {
        const s = signalFrom(r, d, new Date("2026-10-01T10:00:00Z"), hosts[2]!, users[0]!, "acme.example");
        const out = normalizers[format](render(format, s, "ACME"));
        expect(out.kind, `${format}: ${d.title}`).toBe("alert");
        if (out.kind !== "alert") continue;
        expect(out.eventTime.toISOString()).toBe("2026-10-01T10:00:00.000Z");
        expect(out.severity).toBeGreaterThan(0);
        if (format !== "zeek") expect(out.techniques).toEqual(expect.arrayContaining(d.techniques));
      }
    }
  });

  it("is deterministic", () => {
    expect(makeHosts(rng(7), "X", "x.example", 3)).toEqual(makeHosts(rng(7), "X", "x.example", 3));
  });
});

describe("customer-facing seed text", () => {
  it("keeps a title's case inside a sentence", () => {
    expect(inSentence("DNS tunnelling from OT segments")).toBe("DNS tunnelling from OT segments");
    expect(inSentence("Impossible-travel sign-ins to Okta")).toBe("impossible-travel sign-ins to Okta");
    expect(inSentence("Living-off-the-land PowerShell download cradles")).toBe(
      "living-off-the-land PowerShell download cradles",
    );
  });
});
