/**
 * The part of a client address that rate limits count against. An IPv4 address is one client; an IPv6 client
 * usually holds a whole /64 and can pick any address in it, so IPv6 addresses are counted per /64.
 */
import { isIPv4, isIPv6 } from "node:net";

export function addressKey(address: string): string {
  const bare = address.replace(/%.*$/, ""); // a zone index ("fe80::1%eth0") names the interface, not the client
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(bare);
  if (mapped) return mapped[1]!;
  if (isIPv4(bare)) return bare;
  if (!isIPv6(bare)) return address;
  return `${expandIPv6(bare).slice(0, 4).join(":")}::/64`;
}

/** The eight 16-bit groups of a valid IPv6 address, in lower case without leading zeros. */
function expandIPv6(address: string): string[] {
  const toGroups = (part: string): string[] => {
    if (part === "") return [];
    return part.split(":").flatMap((group) => {
      if (!group.includes(".")) return [group];
      // An IPv4 tail ("64:ff9b::192.0.2.1") is two groups.
      const [a, b, c, d] = group.split(".").map(Number);
      return [((a! << 8) | b!).toString(16), ((c! << 8) | d!).toString(16)];
    });
  };
  const [head = "", tail] = address.split("::");
  const start = toGroups(head);
  const end = tail === undefined ? [] : toGroups(tail);
  const groups = tail === undefined ? start : [...start, ...Array<string>(8 - start.length - end.length).fill("0"), ...end];
  return groups.map((group) => parseInt(group, 16).toString(16));
}
