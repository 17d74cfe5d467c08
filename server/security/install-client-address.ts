import http from "node:http";
import https from "node:https";
import { env } from "@/server/env";
import { CLIENT_ADDRESS_HEADER, resolveClientAddress, trustedProxyList } from "./client-address";

/** Marks a server of our own beside Next's (the intake port): `answerFirst` never takes its requests. */
export const OWN_LISTENER = Symbol.for("watchkeeper.ownListener");

/** A request the process answers itself before Next routes it (true when taken). */
export type AnswerFirst = (req: http.IncomingMessage, res: http.ServerResponse) => boolean;

/**
 * Sets `x-watchkeeper-client-ip` on every incoming request from its socket (and the trusted-proxy list), replacing
 * whatever the client sent, before Next routes it; then offers the request to `answerFirst` (the direct tRPC path,
 * server/trpc/http.ts), which may answer it instead of Next. Installed once per process at server start
 * (instrumentation.ts).
 */
export function installClientAddressHeader(answerFirst?: AnswerFirst) {
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
        if (answerFirst && !(this as { [OWN_LISTENER]?: boolean })[OWN_LISTENER]) {
          if (answerFirst(req, args[1] as http.ServerResponse)) return true;
        }
      }
      return Reflect.apply(emit, this, [event, ...args]) as boolean;
    } as typeof proto.emit;
  }
}
