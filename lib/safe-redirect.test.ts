import { describe, expect, it } from "vitest";
import { safeCallbackPath } from "./safe-redirect";

const ORIGIN = "https://dossier.example.org";

/** Known open-redirect bypasses, as they arrive after the query string is decoded once. */
const HOSTILE = [
  // control characters a browser drops: "/\t/evil" becomes "//evil"
  "/\t/evil.example/",
  "/\n/evil.example/",
  "/\r/evil.example/",
  "\t//evil.example",
  "/\t\t/evil.example",
  "//\tevil.example",
  "/%09/evil.example/",
  "/%0A/evil.example/",
  "/%0D/evil.example/",
  "/%0d%0a/evil.example/",
  "/%00/evil.example",
  "java\tscript:alert(1)",
  // backslashes a browser reads as "/"
  "/\\evil.example",
  "\\\\evil.example",
  "/\\/evil.example",
  "\\/evil.example",
  "/%5Cevil.example",
  "/%5c%5cevil.example",
  // protocol-relative and triple slashes
  "//evil.example",
  "//evil.example/t/demo",
  "///evil.example",
  "////evil.example",
  "/.//evil.example",
  "/./..//evil.example",
  // userinfo
  "https://dossier.example.org@evil.example",
  "https://dossier.example.org:443@evil.example/",
  "//user@evil.example",
  "//dossier.example.org@evil.example",
  // other schemes and hosts
  "javascript:alert(document.domain)",
  "JavaScript:alert(1)",
  "data:text/html,<script>alert(1)</script>",
  "vbscript:msgbox(1)",
  "https://evil.example",
  "https://evil.example/t/demo",
  "http://dossier.example.org/t/demo",
  "https://dossier.example.org.evil.example/",
  "https://dossier.example.org:8443/",
  "//evil.example:443",
  "ftp://evil.example",
  // unicode look-alikes of "/" and "." that some parsers fold
  "／／evil.example",
  "/／evil.example",
  "https:／／evil.example",
  "//evil。example",
  // nothing, or no path
  "",
  "evil.example",
  "?",
];

describe("the address to go to after signing in", () => {
  it.each(HOSTILE)("sends %j to this app, never elsewhere", (value) => {
    const path = safeCallbackPath(value, ORIGIN);
    expect(path.startsWith("/")).toBe(true);
    expect(path.startsWith("//")).toBe(false);
    expect(path).not.toMatch(/[\u0000-\u001F\u007F\\]/);
    // What the browser does with it: a path on this app's origin.
    expect(new URL(path, ORIGIN).origin).toBe(ORIGIN);
  });

  it.each([
    ["/t/demo", "/t/demo"],
    ["/t/demo/notes/1b9d6bcd-bbfd-4b2d-9b5d-ab8dfbbd4bed?tab=history#c-12", "/t/demo/notes/1b9d6bcd-bbfd-4b2d-9b5d-ab8dfbbd4bed?tab=history#c-12"],
    ["/invite/abc_DEF-123", "/invite/abc_DEF-123"],
    ["/b/demo/1b9d6bcd-bbfd-4b2d-9b5d-ab8dfbbd4bed/2", "/b/demo/1b9d6bcd-bbfd-4b2d-9b5d-ab8dfbbd4bed/2"],
    ["https://dossier.example.org/t/demo?x=1", "/t/demo?x=1"],
    ["/t/demo/../inbox", "/t/inbox"],
    ["/t/caf\u00e9", "/t/caf%C3%A9"],
  ])("keeps the same-site path %j as %j", (value, expected) => {
    expect(safeCallbackPath(value, ORIGIN)).toBe(expected);
  });

  it("returns the parsed path, not the input", () => {
    // Parsed as a path on this app; returned as given, a browser would treat "http:" as a scheme.
    expect(safeCallbackPath("http:evil.example", "http://localhost:3210")).toBe("/evil.example");
    expect(safeCallbackPath("/。evil.example", ORIGIN)).toBe("/%E3%80%82evil.example");
  });

  it("gives / when there is no address, or more than one", () => {
    expect(safeCallbackPath(undefined, ORIGIN)).toBe("/");
    expect(safeCallbackPath(null, ORIGIN)).toBe("/");
    expect(safeCallbackPath(["/t/demo", "//evil.example"], ORIGIN)).toBe("/");
  });
});
