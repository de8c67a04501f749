import { describe, expect, it } from "vitest";
import { beforeSetup } from "./gate";

describe("before the first account exists", () => {
  it("serves the setup page, the files it loads, the health check and the service worker's script", () => {
    for (const url of ["/setup", "/setup?from=signin", "/_next/static/chunks/app.js", "/api/health", "/favicon.ico", "/sw.js"]) expect(beforeSetup("GET", url), url).toBe("serve");
    // The setup form posts its action to its own page.
    expect(beforeSetup("POST", "/setup")).toBe("serve");
  });

  it("sends every other page, the sign-in page included, to /setup", () => {
    for (const url of ["/", "/signin?callbackUrl=%2Ft%2Fdesk", "/t/desk", "/invite/abc", "/setup/../signin", "/setupx", "/b/desk/1"]) expect(beforeSetup("GET", url), url).toBe("to-setup");
    expect(beforeSetup("HEAD", "/inbox")).toBe("to-setup");
  });

  it("answers route handlers and other pages' actions that it is not set up yet", () => {
    expect(beforeSetup("GET", "/api/auth/session")).toBe("unavailable");
    expect(beforeSetup("POST", "/api/auth/callback/credentials")).toBe("unavailable");
    expect(beforeSetup("POST", "/api/collab-token")).toBe("unavailable");
    expect(beforeSetup("POST", "/t/desk")).toBe("unavailable");
  });
});
