import { describe, expect, it } from "vitest";
import { modesFor } from "./editor-modes";

describe("the modes the editor offers", () => {
  it("offers all three to whoever may edit, starting with Editing", () => {
    expect(modesFor({ edit: true, suggest: true })).toEqual(["edit", "suggest", "read"]);
  });

  it("offers Suggesting and Viewing to whoever may only suggest, starting with Suggesting", () => {
    expect(modesFor({ edit: false, suggest: true })).toEqual(["suggest", "read"]);
  });

  it("offers Viewing alone to whoever may do neither", () => {
    expect(modesFor({ edit: false, suggest: false })).toEqual(["read"]);
  });
});
