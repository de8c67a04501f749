import { describe, expect, it } from "vitest";
import { PendingChanges } from "./pending-changes";
import { offlineStoreName, ownerOfStore } from "./store-names";
import { mayStillWrite, writeModeOf } from "./write-mode";

describe("offline store names", () => {
  const user = "6f1c2d9e-0000-4000-8000-000000000001";
  const note = "0b7a3c1e-0000-4000-8000-000000000002";

  it("keys a store by user and note, and reads its owner back", () => {
    expect(offlineStoreName(user, note)).toBe(`dossier:${user}:${note}`);
    expect(ownerOfStore(offlineStoreName(user, note))).toBe(user);
    expect(offlineStoreName(user, note)).not.toBe(offlineStoreName(note, user));
  });

  it("owns no database that is not one of ours", () => {
    expect(ownerOfStore("other-app")).toBeNull();
    expect(ownerOfStore("dossier:")).toBeNull();
    expect(ownerOfStore(`dossier:${user}`)).toBeNull();
    expect(ownerOfStore(`dossier:${user}:${note}:extra`)).toBeNull();
  });
});

describe("pending changes", () => {
  it("counts each change, keeps every count in order, and drops to zero once acknowledged", async () => {
    const kept: number[] = [];
    let release: () => void = () => {};
    const slowFirst = new Promise<void>((resolve) => (release = resolve));
    const pending = new PendingChanges(14, async (count) => {
      if (kept.length === 0) await slowFirst;
      kept.push(count);
    });
    const heard: number[] = [];
    pending.subscribe((count) => heard.push(count));
    pending.added();
    pending.acknowledged();
    pending.acknowledged();
    expect(pending.count).toBe(0);
    // Not yet written: the pill may not say it is kept.
    expect(pending.kept).toBe(14);
    release();
    await pending.settled();
    expect(kept).toEqual([15, 0]);
    expect(heard).toEqual([15, 0]);
    expect(pending.kept).toBe(0);
  });
});

describe("whether stored changes may still be sent", () => {
  it("lets an editor send anything, a suggester only suggestions, anyone else nothing", () => {
    expect(mayStillWrite("edit", writeModeOf({ readOnly: false, canSuggest: true }))).toBe(true);
    expect(mayStillWrite("suggest", "edit")).toBe(true);
    expect(mayStillWrite("suggest", writeModeOf({ readOnly: true, canSuggest: true }))).toBe(true);
    // An analyst made a reviewer while offline: their edits are not suggestions.
    expect(mayStillWrite("edit", writeModeOf({ readOnly: true, canSuggest: true }))).toBe(false);
    expect(mayStillWrite("edit", writeModeOf({ readOnly: true, canSuggest: false }))).toBe(false);
    expect(mayStillWrite("suggest", null)).toBe(false);
  });
});
