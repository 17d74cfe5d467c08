import { describe, expect, it } from "vitest";
import { resolveClientAddress, trustedProxyList } from "./client-address";

describe("client address", () => {
  const none = trustedProxyList([]);
  const lb = trustedProxyList(["10.0.0.0/24", "2001:db8::/32"]);

  it("ignores X-Forwarded-For when no proxy is trusted", () => {
    expect(resolveClientAddress("198.51.100.7", "1.2.3.4", none)).toBe("198.51.100.7");
    expect(resolveClientAddress("::ffff:198.51.100.7", undefined, none)).toBe("198.51.100.7");
  });
  it("takes the right-most untrusted hop behind trusted proxies", () => {
    expect(resolveClientAddress("10.0.0.5", "6.6.6.6, 203.0.113.9", lb)).toBe("203.0.113.9");
    expect(resolveClientAddress("10.0.0.5", "6.6.6.6, 203.0.113.9, 10.0.0.7", lb)).toBe("203.0.113.9");
    expect(resolveClientAddress("2001:db8::1", "2001:db9::5", lb)).toBe("2001:db9::5");
  });
  it("does not let a client behind no proxy or a garbage hop choose its address", () => {
    expect(resolveClientAddress("203.0.113.9", "10.0.0.5", lb)).toBe("203.0.113.9");
    expect(resolveClientAddress("10.0.0.5", "not-an-ip", lb)).toBe("10.0.0.5");
    expect(resolveClientAddress("10.0.0.5", undefined, lb)).toBe("10.0.0.5");
  });
  it("refuses a malformed proxy list at start", () => {
    expect(() => trustedProxyList(["10.0.0.0/24", "proxy.local"])).toThrow(/TRUSTED_PROXIES/);
  });
});
