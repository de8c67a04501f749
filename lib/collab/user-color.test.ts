import { describe, expect, it } from "vitest";
import { CARET_COLORS, colorOnNote, userColor } from "./user-color";

describe("a caret's colour on a note", () => {
  const ann = "9b0c3c2e-5d1f-4f59-a1a2-1c3d4e5f6a7b";

  it("is the user's own when no one else there has it", () => {
    expect(colorOnNote(ann, [])).toBe(userColor(ann));
    expect(colorOnNote(ann, [{ id: "other", color: CARET_COLORS.find((color) => color !== userColor(ann)) }])).toBe(userColor(ann));
  });

  it("is the first one free when someone else there has it, whatever the user's other tabs show", () => {
    const first = CARET_COLORS.find((color) => color !== userColor(ann))!;
    expect(colorOnNote(ann, [{ id: "other", color: userColor(ann) }])).toBe(first);
    expect(colorOnNote(ann, [{ id: "other", color: userColor(ann) }, { id: ann, color: "#5f3dc4" }])).toBe(first);
  });

  it("is the user's own again when every colour is taken", () => {
    expect(colorOnNote(ann, CARET_COLORS.map((color, i) => ({ id: `user ${i}`, color })))).toBe(userColor(ann));
  });
});
