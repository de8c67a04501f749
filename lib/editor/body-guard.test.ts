import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { headlessEditor } from "@/lib/testing/random-edits";
import { insertNestedQuotes } from "@/lib/testing/body-updates";
import { paragraphs } from "@/lib/testing/factories";
import { guardBody } from "./body-guard";
import { yDocFromContent } from "./derive";
import { BODY_FIELD } from "./extensions";

const element = (name: string, ...children: (Y.XmlElement | Y.XmlText)[]) => {
  const node = new Y.XmlElement(name);
  node.insert(0, children);
  return node;
};

/** A note as stored before updates were checked, then a co-editor's copy of it. */
function noteWithDeepQuotes(levels: number) {
  const stored = yDocFromContent(paragraphs("A note worth keeping."));
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(stored));
  const before = Y.encodeStateVector(copy);
  insertNestedQuotes(copy.getXmlFragment(BODY_FIELD), 1, levels);
  return { stored, hostileUpdate: Y.encodeStateAsUpdate(copy, before) };
}

/** The text of the body's first block (toString of the whole body would recurse through the hostile part). */
const firstBlock = (doc: Y.Doc) => (doc.getXmlFragment(BODY_FIELD).get(0) as Y.XmlElement).toString();

describe("an editor given a body deeper than it can draw", () => {
  it("is taken down before it draws, so typing cannot write an emptier body back", () => {
    const { stored, hostileUpdate } = noteWithDeepQuotes(20_000);
    const problems: string[] = [];
    const editor = headlessEditor(stored);
    guardBody(stored, (problem) => {
      problems.push(problem);
      editor.destroy();
    });
    Y.applyUpdate(stored, hostileUpdate, "remote");
    expect(problems).toEqual([expect.stringMatching(/^This note is nested \d+ levels deep/)]);
    expect(editor.editor.isDestroyed).toBe(true);
    expect(firstBlock(stored)).toBe("<paragraph>A note worth keeping.</paragraph>");
    expect(stored.getXmlFragment(BODY_FIELD).length).toBe(2);
  });

  it("trips at once on a body that is already too deep", () => {
    const { stored, hostileUpdate } = noteWithDeepQuotes(100);
    Y.applyUpdate(stored, hostileUpdate);
    const problems: string[] = [];
    guardBody(stored, (problem) => problems.push(problem));
    expect(problems).toHaveLength(1);
  });

  it("stays quiet while a body within the limit is edited", () => {
    const { stored } = noteWithDeepQuotes(0);
    const problems: string[] = [];
    const editor = headlessEditor(stored);
    guardBody(stored, (problem) => problems.push(problem));
    editor.dispatch(editor.editor.state.tr.insertText("Typed. ", 1));
    const peer = new Y.Doc();
    Y.applyUpdate(peer, Y.encodeStateAsUpdate(stored));
    const before = Y.encodeStateVector(peer);
    peer.getXmlFragment(BODY_FIELD).insert(0, [element("blockquote", element("blockquote", element("paragraph", new Y.XmlText("quoted"))))]);
    Y.applyUpdate(stored, Y.encodeStateAsUpdate(peer, before), "remote");
    expect(problems).toEqual([]);
    expect(editor.editor.getText()).toContain("quoted");
    expect(editor.editor.getText()).toContain("Typed. A note worth keeping.");
    editor.destroy();
  });
});
