import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ownerOfPageCache } from "./kept-pages";

describe("the caches of pages kept for offline use", () => {
  const user = "6f1c2d9e-0000-4000-8000-000000000001";

  it("reads the owner from the name the service worker gives a user's cache", () => {
    const worker = readFileSync("public/sw.js", "utf8");
    const version = /const VERSION = "([^"]+)";/.exec(worker)?.[1];
    expect(worker).toContain("const PAGES_OF = `${OURS}${VERSION}-pages:`;");
    expect(ownerOfPageCache(`dossier-${version}-pages:${user}`)).toBe(user);
    // Left by an older worker: still someone's pages, deleted with theirs.
    expect(ownerOfPageCache(`dossier-v0-pages:${user}`)).toBe(user);
  });

  it("owns no cache that keeps no one's pages", () => {
    expect(ownerOfPageCache("dossier-v1-static")).toBeNull();
    expect(ownerOfPageCache(`other-app-pages:${user}`)).toBeNull();
    expect(ownerOfPageCache("dossier-v1-pages:")).toBeNull();
  });
});
