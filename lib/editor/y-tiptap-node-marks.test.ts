import { Node as ProseMirrorNode } from "@tiptap/pm/model";
import { prosemirrorJSONToYDoc, prosemirrorToYXmlFragment, yXmlFragmentToProseMirrorRootNode } from "@tiptap/y-tiptap";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import type { DocNode } from "./document";
import { BODY_FIELD } from "./extensions";
import { noteSchema } from "./schema";

/**
 * y-tiptap 3.0.9 kept no mark of a non-text node (yjs/y-prosemirror#47): a
 * mention made bold, or inside a reviewer's suggested deletion, showed so in
 * the editor that did it and nowhere else, and was gone on reload. The
 * convergence fuzz found it as a reviewer's editor showing a struck-through
 * mention the stored note did not have. patches/@tiptap+y-tiptap+3.0.9.patch
 * keeps such marks as attributes of the node's Y.XmlElement.
 */
const mention = (marks: object[] = []) => ({ type: "mention", attrs: { id: "9b2f6d3e-1c4a-4b8e-9f7d-2a6c5e8b1d40", label: "Iran" }, marks });
/** A one-paragraph document, with the schema's defaults filled in (as one read back from Yjs has them). */
const paragraphWith = (...content: object[]): DocNode => ProseMirrorNode.fromJSON(noteSchema(), { type: "doc", content: [{ type: "paragraph", content }] }).toJSON();
const deletion = { type: "suggestedDeletion", attrs: { id: "fuzzss2zpo", author: "7c1d4e2a-8b3f-4a6d-9e5c-1f2b3a4c5d6e", at: "2026-11-30T12:00:00.000Z" } };

const stored = (doc: Y.Doc) => yXmlFragmentToProseMirrorRootNode(doc.getXmlFragment(BODY_FIELD), noteSchema()).toJSON();

/** Writes `json` over the body as an editor's change does (y-tiptap's diff), and returns the update it made. */
function edit(doc: Y.Doc, json: DocNode): Uint8Array | null {
  let update: Uint8Array | null = null;
  const record = (change: Uint8Array) => (update = change);
  doc.on("update", record);
  prosemirrorToYXmlFragment(ProseMirrorNode.fromJSON(noteSchema(), json), doc.getXmlFragment(BODY_FIELD));
  doc.off("update", record);
  return update;
}

describe("marks on a mention reach Yjs, other editors and the stored note", () => {
  it("a mention in bold and in a suggested deletion keeps both marks through Yjs", () => {
    const json = paragraphWith({ type: "text", text: "Talks with " }, mention([{ type: "bold" }, deletion]));
    const doc = prosemirrorJSONToYDoc(noteSchema(), json, BODY_FIELD);
    expect(stored(doc)).toEqual(json);
  });

  it("marks added to and removed from a mention are changes another copy receives", () => {
    const plain = paragraphWith({ type: "text", text: "Talks with " }, mention());
    const writer = prosemirrorJSONToYDoc(noteSchema(), plain, BODY_FIELD);
    const reader = new Y.Doc();
    Y.applyUpdate(reader, Y.encodeStateAsUpdate(writer));

    const struck = paragraphWith({ type: "text", text: "Talks with " }, mention([deletion]));
    Y.applyUpdate(reader, edit(writer, struck)!);
    expect(stored(reader)).toEqual(struck);

    Y.applyUpdate(reader, edit(writer, plain)!);
    expect(stored(reader)).toEqual(plain);
  });

  it("writing the same marks again changes nothing", () => {
    const json = paragraphWith(mention([deletion]));
    const doc = prosemirrorJSONToYDoc(noteSchema(), json, BODY_FIELD);
    expect(edit(doc, json)).toBeNull();
  });
});
