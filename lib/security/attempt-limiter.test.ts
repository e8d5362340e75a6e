import { describe, expect, it } from "vitest";
import { AttemptLimiter } from "./attempt-limiter";

describe("AttemptLimiter", () => {
  it("blocks a key after too many failures in the window, and lets it try again when they age out", () => {
    let now = 0;
    const limiter = new AttemptLimiter(3, 60_000, () => now);
    for (let i = 0; i < 3; i++) {
      expect(limiter.retryAfter("ada")).toBe(0);
      limiter.fail("ada");
      now += 1000;
    }
    expect(limiter.retryAfter("ada")).toBe(57_000);
    expect(limiter.retryAfter("ben")).toBe(0);
    now = 60_001;
    expect(limiter.retryAfter("ada")).toBe(0);
  });
});
