import { describe, expect, it } from "vitest";
import { changesCount, offlineLabel, refusalMessage, withPending } from "./offline-words";

describe("what the pill says about changes kept offline", () => {
  it("counts one change and many", () => {
    expect(changesCount(1)).toBe("1 change");
    expect(changesCount(14)).toBe("14 changes");
  });

  it("says where the changes are, and never claims a browser keeps what only the tab holds", () => {
    expect(offlineLabel(14, true)).toBe("Offline — 14 changes kept in this browser");
    expect(offlineLabel(3, false)).toBe("Offline — 3 changes not saved yet: keep this tab open");
    expect(offlineLabel(0, true)).toBe("Offline — every change is saved");
  });

  it("adds the count to other states only when something waits", () => {
    expect(withPending("Reconnecting…", 0, true)).toBe("Reconnecting…");
    expect(withPending("Reconnecting…", 2, true)).toBe("Reconnecting… (2 changes kept in this browser)");
  });

  it("words a refusal with the count", () => {
    expect(refusalMessage(14)).toBe("14 changes made in this browser could not be saved: you can no longer edit this note.");
  });
});
