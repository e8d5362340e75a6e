import { describe, expect, it } from "vitest";
import { addressKey } from "./address-key";

describe("addressKey", () => {
  it("counts an IPv4 address as itself, however it is written", () => {
    expect(addressKey("192.0.2.7")).toBe("192.0.2.7");
    expect(addressKey("::ffff:192.0.2.7")).toBe("192.0.2.7");
    expect(addressKey("::FFFF:192.0.2.7")).toBe("192.0.2.7");
  });

  it("counts every address of one IPv6 /64 together", () => {
    const key = "2001:db8:aa:bb::/64";
    expect(addressKey("2001:db8:aa:bb::1")).toBe(key);
    expect(addressKey("2001:0db8:00aa:00bb:1234:5678:9abc:def0")).toBe(key);
    expect(addressKey("2001:DB8:AA:BB:ffff::")).toBe(key);
    expect(addressKey("2001:db8:aa:bc::1")).not.toBe(key);
    expect(addressKey("::1")).toBe("0:0:0:0::/64");
    expect(addressKey("fe80::1%eth0")).toBe("fe80:0:0:0::/64");
    expect(addressKey("2001:db8::")).toBe("2001:db8:0:0::/64");
    expect(addressKey("64:ff9b:1:2::192.0.2.1")).toBe("64:ff9b:1:2::/64");
  });

  it("keeps anything else as it is", () => {
    expect(addressKey("unknown")).toBe("unknown");
  });
});
