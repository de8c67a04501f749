import { Node as ProseMirrorNode } from "@tiptap/pm/model";
import { updateYFragment } from "@tiptap/y-tiptap";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import type { DocMark, DocNode } from "@/lib/editor/document";
import { yDocFromContent } from "@/lib/editor/derive";
import { BODY_FIELD } from "@/lib/editor/extensions";
import { noteSchema } from "@/lib/editor/schema";
import { copyOf, updateMaking } from "@/lib/testing/body-updates";
import { paragraphs } from "@/lib/testing/factories";
import { findUpdateProblem } from "./update-check";

const text = (value: string, marks?: DocMark[]): DocNode => ({ type: "text", text: value, ...(marks ? { marks } : {}) });
const paragraph = (...content: DocNode[]): DocNode => ({ type: "paragraph", content });

/** Every kind of node and mark the editor writes. */
const richContent: DocNode = {
  type: "doc",
  content: [
    { type: "heading", attrs: { level: 2 }, content: [text("Talks")] },
    paragraph(
      text("With "),
      { type: "mention", attrs: { id: "0b8f3c1e-8a63-4c2a-9d7e-2f1f6a1d0c11", label: "North Korea", mentionSuggestionChar: "@" } },
      text(" in "),
      text("bold", [{ type: "bold" }]),
      { type: "hardBreak" },
      text("a link", [{ type: "link", attrs: { href: "https://example.org" } }]),
    ),
    { type: "bulletList", content: [{ type: "listItem", content: [paragraph(text("one"))] }] },
    { type: "orderedList", content: [{ type: "listItem", content: [paragraph(text("two"))] }] },
    { type: "blockquote", content: [paragraph(text("quoted"))] },
    { type: "codeBlock", content: [text("let x = 1;")] },
    { type: "horizontalRule" },
    {
      type: "table",
      content: [
        { type: "tableRow", content: [{ type: "tableHeader", content: [paragraph(text("h"))] }] },
        { type: "tableRow", content: [{ type: "tableCell", content: [paragraph(text("c"))] }] },
      ],
    },
  ],
};


const body = (doc: Y.Doc) => doc.getXmlFragment(BODY_FIELD);
const paragraphText = (doc: Y.Doc, index: number) => (body(doc).get(index) as Y.XmlElement).get(0) as Y.XmlText;
const element = (name: string, ...children: unknown[]) => {
  const node = new Y.XmlElement(name);
  node.insert(0, children as Y.XmlElement[]);
  return node;
};

describe("checking an incoming update", () => {
  it("accepts everything the editor writes, as one update into an empty document", () => {
    const rich = yDocFromContent(richContent);
    expect(findUpdateProblem(new Y.Doc(), Y.encodeStateAsUpdate(rich))).toBeNull();
  });

  it("accepts typing, formatting, deleting, changing an attribute and restoring", () => {
    const server = yDocFromContent(richContent);
    const client = copyOf(server);
    const edits = [
      updateMaking(client, () => paragraphText(client, 0).insert(5, " resumed")),
      updateMaking(client, () => paragraphText(client, 0).format(0, 5, { italic: true })),
      updateMaking(client, (fragment) => fragment.delete(2, 1)),
      updateMaking(client, (fragment) => (fragment.get(0) as Y.XmlElement).setAttribute("level", "3" as never)),
      updateMaking(client, (fragment) => {
        const target = ProseMirrorNode.fromJSON(noteSchema(), paragraphs("Restored.", "Entirely."));
        updateYFragment(fragment.doc!, fragment, target, { mapping: new Map(), isOMark: new Map() });
      }),
    ];
    for (const update of edits) {
      expect(findUpdateProblem(server, update)).toBeNull();
      Y.applyUpdate(server, update);
    }
    // Sent again (a provider does after reconnecting): Yjs ignores what it has.
    for (const update of edits) expect(findUpdateProblem(server, update)).toBeNull();
  });

  it("accepts typing into a paragraph another writer deleted meanwhile (Yjs discards it)", () => {
    const server = yDocFromContent(paragraphs("Kept.", "Deleted while someone types in it."));
    const client = copyOf(server);
    body(server).delete(1, 1);
    const typing = updateMaking(client, () => paragraphText(client, 1).insert(3, "typed "));
    expect(findUpdateProblem(server, typing)).toBeNull();
  });

  it("accepts an update that arrives before the one it follows, and then that one", () => {
    const server = yDocFromContent(paragraphs("Before."));
    const client = copyOf(server);
    const first = updateMaking(client, (fragment) => fragment.insert(fragment.length, [element("paragraph", new Y.XmlText("New"))]));
    const next = updateMaking(client, () => paragraphText(client, 1).insert(3, " paragraph"));
    expect(findUpdateProblem(server, next)).toBeNull();
    Y.applyUpdate(server, next);
    expect(findUpdateProblem(server, first)).toBeNull();
    Y.applyUpdate(server, first);
    expect(paragraphText(server, 1).toString()).toBe("New paragraph");
  });

  it("leaves alone what is written outside the body", () => {
    const server = yDocFromContent(paragraphs("Before."));
    const client = copyOf(server);
    const before = Y.encodeStateVector(client);
    client.getMap("elsewhere").set("key", "value");
    expect(findUpdateProblem(server, Y.encodeStateAsUpdate(client, before))).toBeNull();
  });

  it("refuses an update that cannot be decoded", () => {
    const server = yDocFromContent(paragraphs("Before."));
    const update = updateMaking(copyOf(server), (fragment) => fragment.insert(1, [element("paragraph", new Y.XmlText("cut"))]));
    expect(findUpdateProblem(server, update.slice(0, update.length - 6))).toBe("the update cannot be decoded");
    expect(findUpdateProblem(server, new Uint8Array([1, 200, 200, 200, 200, 200]))).toBe("the update cannot be decoded");
  });

  it.each([
    ["an unknown element", (fragment: Y.XmlFragment) => fragment.insert(1, [element("script", new Y.XmlText("x"))]), "a <script> element among the body's"],
    ["text straight in the body", (fragment: Y.XmlFragment) => fragment.insert(1, [new Y.XmlText("loose")]), "a YXmlText among the body's"],
    ["an element named text", (fragment: Y.XmlFragment) => fragment.insert(1, [element("text")]), "a <text> element among the body's"],
    ["an element named doc", (fragment: Y.XmlFragment) => fragment.insert(1, [element("doc")]), "a <doc> element among the body's"],
    ["an inline node straight in the body", (fragment: Y.XmlFragment) => fragment.insert(1, [element("hardBreak")]), "a <hardBreak> element among the body's"],
    ["an unknown element in a paragraph", (fragment: Y.XmlFragment) => fragment.insert(1, [element("paragraph", element("iframe"))]), "a <iframe> element among the element's"],
    ["a bare value in a paragraph", (fragment: Y.XmlFragment) => fragment.insert(1, [element("paragraph", "raw")]), "a ContentAny among the element's"],
    ["a map straight in the body", (fragment: Y.XmlFragment) => fragment.insert(1, [new Y.Map() as never]), "a YMap among the body's"],
  ])("refuses %s", (_, change, problem) => {
    const server = yDocFromContent(paragraphs("Before."));
    expect(findUpdateProblem(server, updateMaking(copyOf(server), change))).toBe(`the update puts ${problem} children`);
  });

  it("refuses an unknown element added to an existing paragraph", () => {
    const server = yDocFromContent(paragraphs("Before."));
    const client = copyOf(server);
    const update = updateMaking(client, (fragment) => (fragment.get(0) as Y.XmlElement).insert(1, [element("script")]));
    expect(findUpdateProblem(server, update)).toBe("the update puts a <script> element among the element's children");
  });

  it("refuses the update that would let in a held-back one that breaks the body", () => {
    const server = yDocFromContent(paragraphs("Before."));
    const client = copyOf(server);
    const first = updateMaking(client, (fragment) => fragment.insert(1, [element("paragraph", new Y.XmlText("New"))]));
    const loose = updateMaking(client, (fragment) => fragment.insert(2, [new Y.XmlText("loose")]));
    // Alone, it waits for the paragraph it follows.
    expect(findUpdateProblem(server, loose)).toBeNull();
    Y.applyUpdate(server, loose);
    expect(findUpdateProblem(server, first)).toBe("the update puts a YXmlText among the body's children");
  });
});
