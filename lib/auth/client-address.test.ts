import { describe, expect, it } from "vitest";
import { clientAddress } from "./client-address";

describe("the client's address", () => {
  it("is the socket's peer unless proxies are trusted, whatever X-Forwarded-For claims", () => {
    expect(clientAddress("::ffff:127.0.0.2", "203.0.113.7", 0)).toBe("127.0.0.2");
    expect(clientAddress(undefined, undefined, 0)).toBe("unknown");
  });

  it("behind trusted proxies, is the entry the outermost of them appended, not what the client wrote", () => {
    // The client sent "198.51.100.1" itself; one proxy appended the address it saw.
    expect(clientAddress("10.0.0.2", "198.51.100.1, 203.0.113.7", 1)).toBe("203.0.113.7");
    // Two proxies: the outer one saw the client, the inner one saw the outer one.
    expect(clientAddress("10.0.0.3", "198.51.100.1, 203.0.113.7, 10.0.0.2", 2)).toBe("203.0.113.7");
    // A malformed or missing entry falls back to the peer.
    expect(clientAddress("10.0.0.2", "not-an-address", 1)).toBe("10.0.0.2");
    expect(clientAddress("10.0.0.2", "203.0.113.7", 3)).toBe("10.0.0.2");
  });
});
