import { describe, expect, it } from "vitest";
import { securityHeaders } from "./headers";

const c = { nonce: "bm9uY2U=", https: false, dev: false };

describe("security headers", () => {
  it("gives pages a nonce-only script policy that nobody may frame", () => {
    const h = securityHeaders("/console/sla", c);
    expect(h["content-security-policy"]).toContain("script-src 'self' 'nonce-bm9uY2U=' 'strict-dynamic'");
    expect(h["content-security-policy"]).not.toMatch(/script-src[^;]*unsafe-(inline|eval)/);
    expect(h["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(h["content-security-policy"]).toContain("object-src 'none'");
    expect(h).toMatchObject({ "x-frame-options": "DENY", "x-content-type-options": "nosniff" });
    expect(h["strict-transport-security"]).toBeUndefined();
  });
  it("lets only our own pages frame the report PDF, and no API answer run anything", () => {
    expect(securityHeaders("/api/reports/0b4c/pdf", c)).toMatchObject({
      "content-security-policy": expect.stringContaining("frame-ancestors 'self'"),
      "x-frame-options": "SAMEORIGIN",
    });
    expect(securityHeaders("/api/trpc/me.session", c)["content-security-policy"]).toMatch(
      /^default-src 'none'; frame-ancestors 'none'/,
    );
  });
  it("adds HSTS and upgrades requests only when served over https; eval only on a dev server", () => {
    const h = securityHeaders("/portal", { ...c, https: true });
    expect(h["strict-transport-security"]).toMatch(/max-age=\d+/);
    expect(h["content-security-policy"]).toContain("upgrade-insecure-requests");
    expect(securityHeaders("/portal", { ...c, dev: true })["content-security-policy"]).toContain("'unsafe-eval'");
  });
});
