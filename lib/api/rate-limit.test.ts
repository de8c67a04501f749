import { describe, expect, it } from "vitest";
import { RateLimiter } from "./rate-limit";

describe("the API's rate limiter", () => {
  it("refuses past the limit until the window ends, and says how long to wait", () => {
    let now = 0;
    const limiter = new RateLimiter(2, 60_000, () => now);
    expect(limiter.take("token").allowed).toBe(true);
    expect(limiter.take("token").allowed).toBe(true);
    now = 45_000;
    expect(limiter.take("token")).toEqual({ allowed: false, retryAfterSeconds: 15 });
    expect(limiter.take("another token").allowed).toBe(true);
    now = 60_000;
    expect(limiter.take("token").allowed).toBe(true);
  });

  it("keeps memory bounded when many addresses each send one request within a window", () => {
    let now = 0;
    const limiter = new RateLimiter(1, 60_000, () => now);
    limiter.take("first");
    expect(limiter.take("first").allowed).toBe(false);
    for (let i = 0; i < 60_000; i++) {
      now = i / 10;
      limiter.take(`address ${i}`);
    }
    // The oldest key was forgotten to make room: its count starts again.
    expect(limiter.take("first").allowed).toBe(true);
    expect(limiter.take("address 59999").allowed).toBe(false);
  });
});
