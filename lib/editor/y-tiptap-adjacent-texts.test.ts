import { prosemirrorJSONToYDoc, yXmlFragmentToProseMirrorRootNode } from "@tiptap/y-tiptap";
import { afterEach, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { findSuggestionProblem } from "@/lib/collab/suggestion-check";
import { headlessEditor } from "@/lib/testing/random-edits";
import { BODY_FIELD } from "./extensions";
import { noteSchema } from "./schema";
import { SUGGESTED_INSERTION } from "./suggestions/model";
import { suggestedKey } from "./suggestions/suggesting-mode";

/**
 * Two editors that type into the same empty paragraph at once each make a
 * Y.XmlText of their own, side by side. When one draws the pair, y-tiptap
 * moves the text of the one it made into the other (its fix for duplicated
 * characters, yjs/y-prosemirror#160). It did so in two transactions, so two
 * updates: after the first the text stood twice. From a reviewer's editor
 * that first update reads as text that is not their suggestion, and the
 * server refused it and closed their connection (found by the convergence
 * fuzz). patches/@tiptap+y-tiptap+3.0.9.patch makes the move one transaction.
 */

const REVIEWER = "22222222-2222-4222-8222-222222222222";
const stored = (doc: Y.Doc) => yXmlFragmentToProseMirrorRootNode(doc.getXmlFragment(BODY_FIELD), noteSchema()).toJSON();

const editors: ReturnType<typeof headlessEditor>[] = [];
afterEach(() => editors.splice(0).forEach((editor) => editor.destroy()));

/** A copy of `from` whose edits Yjs orders after those of `from` when both insert at one place (a higher client id). */
function laterCopy(from: Y.Doc) {
  const doc = new Y.Doc();
  doc.clientID = from.clientID + 1;
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(from));
  return doc;
}

describe("text typed at once into one empty paragraph", () => {
  it("is joined into one Y.XmlText by one update that changes nothing a reader sees, which a reviewer may send", () => {
    const server = prosemirrorJSONToYDoc(noteSchema(), { type: "doc", content: [{ type: "paragraph" }] }, BODY_FIELD);
    server.clientID = 1;
    const writerDoc = laterCopy(server);
    const reviewerDoc = laterCopy(writerDoc);
    const [writer, reviewer] = [headlessEditor(writerDoc), headlessEditor(reviewerDoc, { suggestingAs: REVIEWER })];
    editors.push(writer, reviewer);

    writer.dispatch(writer.editor.state.tr.insertText("Talks stalled.", 1));
    const schema = reviewer.editor.state.schema;
    const mark = schema.marks[SUGGESTED_INSERTION].create({ id: "mine0001", author: REVIEWER, at: "2026-12-01T03:00:00.000Z" });
    reviewer.dispatch(reviewer.editor.state.tr.insert(1, schema.text("Again ", [mark])).setMeta(suggestedKey, true));
    for (const from of [writerDoc, reviewerDoc]) Y.applyUpdate(server, Y.encodeStateAsUpdate(from));

    // The reviewer's editor draws the writer's text beside its own and moves its own into the writer's Y.XmlText.
    // What it sends are its updates other than the one received (as the provider sends them).
    const received = Symbol("provider");
    const sent: Uint8Array[] = [];
    reviewerDoc.on("update", (update: Uint8Array, origin: unknown) => origin !== received && sent.push(update));
    Y.applyUpdate(reviewerDoc, Y.encodeStateAsUpdate(writerDoc), received);
    expect(reviewerDoc.getXmlFragment(BODY_FIELD).get(0).length).toBe(1);
    expect(sent).toHaveLength(1);
    expect(findSuggestionProblem(server, sent[0], REVIEWER)).toBeNull();

    Y.applyUpdate(server, sent[0]);
    Y.applyUpdate(writerDoc, Y.encodeStateAsUpdate(server));
    expect(stored(server)).toEqual(reviewer.editor.state.doc.toJSON());
    expect(stored(writerDoc)).toEqual(stored(server));
    expect(writer.editor.state.doc.toJSON()).toEqual(stored(server));
  });
});
