import { BlockList, isIP } from "node:net";

/**
 * The client address every limit keys on. Next hands route handlers only headers, and keeps a client-sent
 * `X-Forwarded-For` as it is (it fills the header with the socket address only when absent), so the server sets its
 * own header from the socket before Next sees the request (`installClientAddressHeader`) and better-auth reads only
 * that header (`advanced.ipAddress.ipAddressHeaders`).
 */
export const CLIENT_ADDRESS_HEADER = "x-watchkeeper-client-ip";

export function trustedProxyList(entries: readonly string[]): BlockList {
  const list = new BlockList();
  for (const raw of entries) {
    const [addr, bits] = raw.trim().split("/");
    const family = isIP(addr ?? "") === 6 ? "ipv6" : "ipv4";
    if (!addr || !isIP(addr)) throw new Error(`TRUSTED_PROXIES: "${raw}" is not an address or CIDR range`);
    if (bits === undefined) list.addAddress(addr, family);
    else list.addSubnet(addr, Number(bits), family);
  }
  return list;
}

const bare = (a: string) => {
  const s = a.trim().replace(/^\[|\](:\d+)?$/g, "");
  return s.toLowerCase().startsWith("::ffff:") && isIP(s.slice(7)) === 4 ? s.slice(7) : s;
};
const contains = (list: BlockList, a: string) => {
  const v = isIP(a);
  return v !== 0 && list.check(a, v === 6 ? "ipv6" : "ipv4");
};

/**
 * The peer as seen by the socket, unless it is a trusted proxy: then the right-most address in `X-Forwarded-For` that
 * is not a trusted proxy (each proxy appends the address it saw). With no trusted proxies the header is ignored.
 */
export function resolveClientAddress(
  socketAddress: string | undefined,
  forwardedFor: string | undefined,
  trusted: BlockList,
): string | null {
  const peer = socketAddress ? bare(socketAddress) : "";
  if (!isIP(peer)) return null;
  if (!contains(trusted, peer) || !forwardedFor) return peer;
  const hops = forwardedFor.split(",").map(bare).filter(Boolean);
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = hops[i]!;
    if (!isIP(hop)) return peer;
    if (!contains(trusted, hop)) return hop;
  }
  return hops[0] && isIP(hops[0]) ? hops[0] : peer;
}
