/** The client address as Next.js will see it, through a real HTTP server and real requests. */
import { createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLIENT_ADDRESS_HEADER } from "../lib/http/client-address-header";
import { parseTrustedProxies, stampClientAddress } from "./client-address";

let trustedProxies = 0;
let server: Server;
let port: number;

beforeAll(async () => {
  // Answers with the address header as the app behind it would read it.
  server = createServer((req, res) => {
    stampClientAddress(req, trustedProxies);
    res.end(String(req.headers[CLIENT_ADDRESS_HEADER]));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

function addressSeen(headers: Record<string, string>, proxies: number): Promise<string> {
  trustedProxies = proxies;
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, headers }, (res) => {
      let body = "";
      res.on("data", (chunk) => (body += chunk));
      res.on("end", () => resolve(body));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("the client address", () => {
  const forged = { [CLIENT_ADDRESS_HEADER]: "203.0.113.66", "x-forwarded-for": "198.51.100.7, 203.0.113.5" };

  it("is the socket's, whatever the client claims, unless Gloss is told it runs behind a proxy", async () => {
    expect(await addressSeen(forged, 0)).toBe("127.0.0.1");
    expect(await addressSeen({}, 0)).toBe("127.0.0.1");
  });

  it("behind one proxy, is the entry that proxy appended, not one the client wrote before it", async () => {
    expect(await addressSeen(forged, 1)).toBe("203.0.113.5");
    expect(await addressSeen({ "x-forwarded-for": "198.51.100.7" }, 1)).toBe("198.51.100.7");
    expect(await addressSeen({ [CLIENT_ADDRESS_HEADER]: "203.0.113.66" }, 1)).toBe("127.0.0.1");
  });

  it("behind two proxies, is the second entry from the right", async () => {
    expect(await addressSeen({ "x-forwarded-for": "10.0.0.1, 198.51.100.7, 10.1.1.1" }, 2)).toBe("198.51.100.7");
  });

  it("falls back to the socket when the trusted entry is not an address", async () => {
    expect(await addressSeen({ "x-forwarded-for": "198.51.100.7, not-an-address" }, 1)).toBe("127.0.0.1");
  });
});

describe("GLOSS_TRUST_PROXY", () => {
  it("is a small count of proxies, and anything else stops the server", () => {
    expect(parseTrustedProxies(undefined)).toBe(0);
    expect(parseTrustedProxies("")).toBe(0);
    expect(parseTrustedProxies("1")).toBe(1);
    expect(() => parseTrustedProxies("true")).toThrow(/GLOSS_TRUST_PROXY/);
    expect(() => parseTrustedProxies("-1")).toThrow(/GLOSS_TRUST_PROXY/);
  });
});
