import { Node as ProseMirrorNode } from "@tiptap/pm/model";
import { describe, expect, it } from "vitest";
import { deriveBody, yDocFromContent } from "./derive";
import { noteSchema } from "./schema";
import { findUnlinkedMentions } from "./unlinked";

const NORTH_KOREA = "0b8f3c1e-8a63-4c2a-9d7e-2f1f6a1d0c11";
const doc = {
  type: "doc",
  content: [
    {
      type: "paragraph",
      content: [
        { type: "text", text: "Talks with " },
        { type: "mention", attrs: { id: NORTH_KOREA, label: "North Korea", mentionSuggestionChar: "@" } },
        { type: "text", text: " resumed; Pyongyang and pyongyang's envoy, not Pyongyangers, attended." },
      ],
    },
  ],
};

describe("the shared editor schema", () => {
  it("derives plain text in which a mention reads as its label", () => {
    expect(deriveBody(yDocFromContent(doc)).text).toBe(
      "Talks with North Korea resumed; Pyongyang and pyongyang's envoy, not Pyongyangers, attended.",
    );
  });

  it("refuses content that breaks the schema", () => {
    expect(() => yDocFromContent({ type: "doc", content: [{ type: "no-such-node" }] })).toThrow();
    expect(() => yDocFromContent({ type: "doc", content: [{ type: "text", text: "text straight in the doc" }] })).toThrow();
  });

  it("finds whole-word plain-text names, in any case, outside mentions", () => {
    const node = ProseMirrorNode.fromJSON(noteSchema(), doc);
    const found = findUnlinkedMentions(node, [
      { entityId: NORTH_KOREA, name: "North Korea" },
      { entityId: NORTH_KOREA, name: "Pyongyang" },
    ]);
    expect(found.map((m) => m.text)).toEqual(["Pyongyang", "pyongyang"]);
    const [first] = found;
    expect(node.textBetween(first.from, first.to)).toBe("Pyongyang");
    expect(first.entityId).toBe(NORTH_KOREA);
  });
});
