import { Node as ProseMirrorNode } from "@tiptap/pm/model";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { insertNestedQuotes } from "@/lib/testing/body-updates";
import { paragraphs } from "@/lib/testing/factories";
import { deriveBody, yDocFromContent } from "./derive";
import { BODY_FIELD } from "./extensions";
import { DOCUMENT_LIMITS } from "./limits";
import { documentToHtml } from "./html";
import { noteSchema } from "./schema";

const element = (name: string, ...children: unknown[]) => {
  const node = new Y.XmlElement(name);
  node.insert(0, children as Y.XmlElement[]);
  return node;
};

/** Notes as they may have been stored before updates were checked: each change writes straight into the Y.Doc. */
const storedBadly: [string, (body: Y.XmlFragment) => void][] = [
  ["text straight in the body", (body) => body.insert(1, [new Y.XmlText("loose")])],
  ["an element named text", (body) => body.insert(1, [element("text")])],
  ["a bare value in a paragraph", (body) => body.insert(1, [element("paragraph", "raw")])],
  ["a map straight in the body", (body) => body.insert(1, [new Y.Map() as never])],
  ["an unknown element", (body) => body.insert(1, [element("script", new Y.XmlText("alert(1)"))])],
  [
    "a mention whose id and label are not text",
    (body) => {
      const mention = element("mention");
      mention.setAttribute("id", 5 as never);
      mention.setAttribute("label", { html: "<img src=x onerror=alert(1)>" } as never);
      body.insert(1, [element("paragraph", mention)]);
    },
  ],
  [
    "a link to javascript:",
    (body) => {
      const text = new Y.XmlText("click");
      body.insert(1, [element("paragraph", text)]);
      text.format(0, 5, { link: { href: "javascript:alert(1)" } });
    },
  ],
  [
    "3,000 blockquotes nested one inside the other",
    (body) => insertNestedQuotes(body, 1, 3_000),
  ],
  [
    "a list nested deeper than the limit under text worth keeping",
    (body) => {
      let inner = element("paragraph", new Y.XmlText("deep"));
      for (let level = 0; level < DOCUMENT_LIMITS.depth; level++) inner = element("bulletList", element("listItem", inner));
      const kept = element("listItem", element("paragraph", new Y.XmlText("kept item")));
      body.insert(1, [element("bulletList", kept, inner)]);
    },
  ],
  [
    "a heading whose level is markup",
    (body) => {
      const heading = element("heading", new Y.XmlText("Title"));
      heading.setAttribute("level", '1><script>alert(1)</script>' as never);
      body.insert(1, [heading]);
    },
  ],
];

describe("reading a note stored with content that breaks the schema", () => {
  it.each(storedBadly)("keeps the rest of the note readable, storable and inert: %s", (_, change) => {
    const doc = yDocFromContent(paragraphs("Before."));
    change(doc.getXmlFragment(BODY_FIELD));

    const body = deriveBody(doc);
    expect(body.text.startsWith("Before.")).toBe(true);
    // What is stored must load again as a valid document.
    expect(() => ProseMirrorNode.fromJSON(noteSchema(), body.content).check()).not.toThrow();
    expect(() => yDocFromContent(body.content)).not.toThrow();
    const json = JSON.stringify(body.content);
    expect(json).not.toContain("javascript:");
    expect(json).not.toContain("<script");
    const html = documentToHtml(body.content);
    expect(html).not.toMatch(/<(script|img)\b/i);
    expect(html).toContain("<p>Before.</p>");
  });

  it("leaves the live document as it was when it has to read around a problem", () => {
    const doc = yDocFromContent(paragraphs("Before."));
    doc.getXmlFragment(BODY_FIELD).insert(1, [new Y.XmlText("loose")]);
    const before = Y.encodeStateAsUpdate(doc);
    deriveBody(doc);
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
  });
});
