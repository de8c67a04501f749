import { describe, expect, it } from "vitest";
import type { Decoration } from "@tiptap/pm/view";
import { noteSchema } from "@/lib/editor/schema";
import type { LookedUpStanding } from "@/lib/sources/lookup-wire";
import { citation, mentionDoc } from "@/lib/testing/factories";
import { citationDecorations } from "./citation-marks";

const SOUND = "0b7e2c9a-1d4f-4e6b-9a2c-3f5d7e9b1c2a";
const DOUBTED = "5c8d1e2f-3a4b-4c6d-8e9f-0a1b2c3d4e5f";
const RETRACTED = "7d9e2f30-4b5c-4d7e-9f01-1b2c3d4e5f60";

const standings: Record<string, LookedUpStanding> = {
  [SOUND]: { state: "sound" },
  [DOUBTED]: { state: "downgraded", from: "B", to: "D", at: "2026-05-04T09:00:00.000Z", reason: "Contradicted by imagery" },
  [RETRACTED]: { state: "retracted", at: "2026-06-01T12:00:00.000Z", reason: "Fabricated" },
};

const doc = noteSchema().nodeFromJSON(
  mentionDoc(
    ["Talks stalled. The convoy left at dawn.", citation(DOUBTED, { credibility: "2" }), " Fuel was aboard.", citation(SOUND, { credibility: "2" })],
    ["Nothing cited here."],
    ["The port closed.", citation(RETRACTED, { credibility: "3" })],
  ),
);

/** Each decoration as what it covers in the text, and how it is drawn. */
function drawn(showUncited: boolean) {
  const set = citationDecorations(doc, { showUncited: () => showUncited, standingOf: (id) => standings[id] });
  return set.find().map((decoration: Decoration) => {
    const attrs = (decoration as unknown as { type: { attrs: Record<string, string> } }).type.attrs;
    return { text: doc.textBetween(decoration.from, decoration.to), class: attrs.class, title: attrs.title };
  });
}

describe("the writer's marks on citations", () => {
  it("underlines the sentence cited to a downgraded or retracted source, saying why, and nothing cited to a sound one", () => {
    expect(drawn(false)).toEqual([
      { text: "The convoy left at dawn.", class: "passage-in-question", title: "Source downgraded from B to D on 2026-05-04: Contradicted by imagery" },
      { text: "The port closed.", class: "passage-in-question", title: "Source retracted on 2026-06-01: Fabricated" },
    ]);
  });

  it("marks only the paragraph that cites nothing, and only when asked", () => {
    const uncited = drawn(true).filter((mark) => mark.class === "uncited-paragraph");
    expect(uncited.map((mark) => mark.text)).toEqual(["Nothing cited here."]);
    expect(drawn(false).some((mark) => mark.class === "uncited-paragraph")).toBe(false);
  });

  it("warns of nothing while the register has not answered", () => {
    const set = citationDecorations(doc, { showUncited: () => false, standingOf: () => undefined });
    expect(set.find()).toEqual([]);
  });
});
