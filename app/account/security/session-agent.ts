/** "Chrome on Windows" from a user-agent string; good enough to recognise one's own devices. */
export function describeAgent(ua: string | null | undefined): { label: string; mobile: boolean } {
  if (!ua) return { label: "Unknown browser", mobile: false };
  const browser = /Edg\//.test(ua)
    ? "Edge"
    : /Firefox\//.test(ua)
      ? "Firefox"
      : /(Chrome|Chromium|CriOS)\//.test(ua)
        ? "Chrome"
        : /Safari\//.test(ua)
          ? "Safari"
          : /curl|node|undici/i.test(ua)
            ? "Script or tool"
            : "Browser";
  const os = /iPhone|iPad|iPod/.test(ua)
    ? "iOS"
    : /Android/.test(ua)
      ? "Android"
      : /Windows/.test(ua)
        ? "Windows"
        : /Mac OS X|Macintosh/.test(ua)
          ? "macOS"
          : /Linux|X11/.test(ua)
            ? "Linux"
            : null;
  return { label: os ? `${browser} on ${os}` : browser, mobile: /Mobile|iPhone|Android/.test(ua) };
}

/** Loopback and unset addresses say nothing useful. */
export function knownIp(ip: string | null | undefined): ip is string {
  return Boolean(ip) && !/^[0:.]*$/.test(ip ?? "") && ip !== "::1" && ip !== "127.0.0.1";
}
