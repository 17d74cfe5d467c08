import { type NextRequest, NextResponse } from "next/server";
import { env } from "@/server/env";
import { securityHeaders } from "@/server/security/headers";

const https = new URL(env.BETTER_AUTH_URL).protocol === "https:";

/**
 * Security headers on every page and API route, with a fresh CSP nonce per request (Next's documented way: the
 * nonce goes to the page through the request's `x-nonce` and `Content-Security-Policy` headers, and Next puts it on
 * its own scripts).
 */
export function proxy(request: NextRequest) {
  const nonce = btoa(crypto.randomUUID());
  const headers = securityHeaders(request.nextUrl.pathname, { nonce, https, dev: env.NODE_ENV === "development" });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("content-security-policy", headers["content-security-policy"]!);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  for (const [k, v] of Object.entries(headers)) response.headers.set(k, v);
  return response;
}

export const config = {
  // Static build files get theirs from next.config.ts; everything else (pages, API routes) comes through here.
  matcher: ["/((?!_next/static|_next/image).*)"],
};
