/**
 * Whether an IP address is on the public internet. The server fetches pages for instructors, so an address inside
 * Gloss's own network (the database, a cloud metadata service, the machine itself) must never be reachable through
 * it. Forms that wrap an IPv4 address in IPv6 (::ffff:127.0.0.1, NAT64, 6to4) are judged by the address they wrap.
 */
import { BlockList, isIPv4, isIPv6 } from "node:net";

const v4 = new BlockList();
for (const [network, prefix] of [
  ["0.0.0.0", 8], // "this network", 0.0.0.0 included
  ["10.0.0.0", 8],
  ["100.64.0.0", 10], // carrier-grade NAT
  ["127.0.0.0", 8],
  ["169.254.0.0", 16], // link-local, where cloud metadata services answer
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.0.2.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["198.51.100.0", 24],
  ["203.0.113.0", 24],
  ["224.0.0.0", 4], // multicast
  ["240.0.0.0", 4], // reserved, and the broadcast address
] as const) {
  v4.addSubnet(network, prefix, "ipv4");
}

const v6 = new BlockList();
for (const [network, prefix] of [
  ["::", 96], // unspecified, loopback (::1) and the old IPv4-compatible form
  ["fc00::", 7], // unique local
  ["fe80::", 10], // link-local
  ["fec0::", 10], // old site-local
  ["ff00::", 8], // multicast
  ["2001:db8::", 32], // documentation
  ["100::", 64], // discard
] as const) {
  v6.addSubnet(network, prefix, "ipv6");
}

/** The 16 bytes of an IPv6 address, or null when it does not parse. */
function ipv6Bytes(address: string): number[] | null {
  let text = address.toLowerCase().replace(/%.*$/, "");
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted) {
    if (!isIPv4(dotted[1])) return null;
    const [a, b, c, d] = dotted[1].split(".").map(Number);
    text = text.slice(0, dotted.index) + `${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const halves = text.split("::");
  if (halves.length > 2) return null;
  const head = halves[0] ? halves[0].split(":") : [];
  const tail = halves.length === 2 && halves[1] ? halves[1].split(":") : [];
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return null;
  const groups = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill("0"), ...tail];
  if (groups.some((group) => !/^[0-9a-f]{1,4}$/.test(group))) return null;
  return groups.flatMap((group) => [parseInt(group, 16) >> 8, parseInt(group, 16) & 0xff]);
}

const startsWith = (bytes: number[], prefix: number[]) => prefix.every((byte, i) => bytes[i] === byte);
const dottedQuad = (bytes: number[]) => bytes.join(".");

/** The IPv4 address an IPv6 address carries (mapped, NAT64 or 6to4), if any. */
function embeddedIPv4(bytes: number[]): string | null {
  if (startsWith(bytes, [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff])) return dottedQuad(bytes.slice(12));
  if (startsWith(bytes, [0, 0x64, 0xff, 0x9b])) return dottedQuad(bytes.slice(12));
  if (startsWith(bytes, [0x20, 0x02])) return dottedQuad(bytes.slice(2, 6));
  return null;
}

export function isPublicAddress(address: string): boolean {
  if (isIPv4(address)) return !v4.check(address, "ipv4");
  if (!isIPv6(address)) return false;
  const bytes = ipv6Bytes(address);
  if (!bytes) return false;
  const inner = embeddedIPv4(bytes);
  if (inner) return isPublicAddress(inner);
  return !v6.check(address, "ipv6");
}
