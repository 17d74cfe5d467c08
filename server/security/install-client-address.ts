import http from "node:http";
import https from "node:https";
import { env } from "@/server/env";
import { CLIENT_ADDRESS_HEADER, resolveClientAddress, trustedProxyList } from "./client-address";

/**
 * Sets `x-watchkeeper-client-ip` on every incoming request from its socket (and the trusted-proxy list), replacing
 * whatever the client sent, before Next routes it. Installed once per process at server start (instrumentation.ts).
 */
export function installClientAddressHeader() {
  const g = globalThis as { __wkClientAddress?: boolean };
  if (g.__wkClientAddress) return;
  g.__wkClientAddress = true;
  const trusted = trustedProxyList(env.TRUSTED_PROXIES);
  for (const proto of [http.Server.prototype, https.Server.prototype]) {
    const emit = proto.emit;
    proto.emit = function patched(this: http.Server, event: string | symbol, ...args: unknown[]) {
      if (event === "request") {
        const req = args[0] as http.IncomingMessage;
        const xff = req.headers["x-forwarded-for"];
        const addr = resolveClientAddress(req.socket?.remoteAddress, Array.isArray(xff) ? xff.join(",") : xff, trusted);
        if (addr) req.headers[CLIENT_ADDRESS_HEADER] = addr;
        else delete req.headers[CLIENT_ADDRESS_HEADER];
      }
      return Reflect.apply(emit, this, [event, ...args]) as boolean;
    } as typeof proto.emit;
  }
}
