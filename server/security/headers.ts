/**
 * The response headers every page and API route carries (applied by proxy.ts). Pure: the nonce, whether the
 * deployment is served over https, and whether this is a dev server come in.
 *
 * Scripts: only the nonce of this response ('strict-dynamic' lets Next's own loader add its chunks). Styles allow
 * 'unsafe-inline': React and recharts write style attributes, Radix's scroll lock inserts a <style> element, and the
 * outbox's sandboxed e-mail preview (srcdoc inherits this policy) is styled inline; styles cannot run script.
 */
export type HeaderContext = { nonce: string; https: boolean; dev: boolean };

export function pagePolicy({ nonce, https, dev }: HeaderContext): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    // The report preview shows our own PDF route in an iframe.
    "frame-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

/**
 * API answers are data, never documents to run or frame. The report PDF may be framed by our own pages only, and gets
 * no fetch directives: Chrome's PDF viewer embeds itself into the PDF document, which `default-src 'none'` forbids.
 */
export const apiPolicy = (pdf: boolean) =>
  pdf ? "frame-ancestors 'self'" : "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

const PDF_ROUTE = /^\/api\/reports\/[^/]+\/pdf\/?$/;

export function securityHeaders(pathname: string, c: HeaderContext): Record<string, string> {
  const api = pathname === "/api" || pathname.startsWith("/api/");
  const pdf = PDF_ROUTE.test(pathname);
  return {
    "content-security-policy": api ? apiPolicy(pdf) : pagePolicy(c),
    "x-frame-options": pdf ? "SAMEORIGIN" : "DENY",
    "x-content-type-options": "nosniff",
    "referrer-policy": "strict-origin-when-cross-origin",
    "permissions-policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
    "cross-origin-opener-policy": "same-origin",
    ...(c.https ? { "strict-transport-security": "max-age=63072000; includeSubDomains" } : {}),
  };
}
