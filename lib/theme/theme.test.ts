import { describe, expect, it } from "vitest";
import { themeAttribute, themeCookieText, themeOf, themeOfCookieHeader } from "./theme";

describe("the theme cookie", () => {
  it("reads a known choice and takes anything else for the system's", () => {
    expect(themeOf("dark")).toBe("dark");
    expect(themeOf("light")).toBe("light");
    expect(themeOf(undefined)).toBe("system");
    expect(themeOf("purple")).toBe("system");
    expect(themeOf('dark" onload="x')).toBe("system");
  });

  it("finds the choice among a request's other cookies", () => {
    expect(themeOfCookieHeader("authjs.session-token=abc; dossier-theme=dark; other=1")).toBe("dark");
    expect(themeOfCookieHeader("dossier-theme=light")).toBe("light");
    expect(themeOfCookieHeader("not-dossier-theme=dark")).toBe("system");
    expect(themeOfCookieHeader(null)).toBe("system");
  });

  it("marks the page only for a choice other than the system's", () => {
    expect(themeAttribute("system")).toBeUndefined();
    expect(themeAttribute("dark")).toBe("dark");
  });

  it("keeps a choice a year and forgets it when the system's is chosen again", () => {
    expect(themeCookieText("dark")).toBe("dossier-theme=dark; Path=/; Max-Age=31536000; SameSite=Lax");
    expect(themeCookieText("system")).toContain("Max-Age=0");
  });
});
