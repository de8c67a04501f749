import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { db } from "@/db";
import { loadNoteState } from "@/lib/collab/note-state";
import { createThread, listThreads } from "@/lib/comments/queries";
import { BODY_FIELD } from "@/lib/editor/extensions";
import { docOf, inserted, paragraph, plain } from "@/lib/editor/suggestions/fixtures";
import { useCollabServer } from "@/lib/testing/collab";
import { useTestDatabase } from "@/lib/testing/database";
import { buildMember, buildNote, buildTeam } from "@/lib/testing/factories";
import { syncNoteSuggestions } from "./note-suggestions";

useTestDatabase();
// A new thread is told to the note's open editors.
useCollabServer();

/** An anchor over the first paragraph's `words`, as the panel makes one over a suggestion's text. */
async function anchorOver(noteId: string, words: string) {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, (await loadNoteState(noteId))!);
  const text = (doc.getXmlFragment(BODY_FIELD).get(0) as Y.XmlElement).get(0) as Y.XmlText;
  const from = text.toString().replace(/<[^>]+>/g, "").indexOf(words);
  const encode = (index: number) => Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(text, index));
  return { start: encode(from), end: encode(from + words.length) };
}

describe("a reply thread on a suggestion", () => {
  it("is a comment thread tied to the suggestion, and says so when the suggestion went with its passage", async () => {
    const { team } = await buildTeam();
    const analyst = await buildMember(team.id, "analyst");
    const reviewer = await buildMember(team.id, "reviewer");
    const body = docOf(paragraph([plain("Talks"), inserted(" resumed", "resumed1", reviewer.id), plain(".")]));
    const note = await buildNote(team.id, analyst.id, body);
    await db().transaction((tx) => syncNoteSuggestions(tx, note, body));

    const thread = await createThread(note, analyst.id, { anchor: await anchorOver(note.id, " resumed"), quote: "resumed", body: "Says who?", suggestionId: "resumed1" });
    expect((await listThreads(team.id, note.id)).map((t) => [t.id, t.suggestionId, t.suggestionStatus])).toEqual([[thread.id, "resumed1", "open"]]);

    await db().transaction((tx) => syncNoteSuggestions(tx, note, docOf(paragraph([plain("Talks.")]))));
    expect((await listThreads(team.id, note.id))[0].suggestionStatus).toBe("removed");
  });

  it("is refused for a suggestion the note does not hold", async () => {
    const { team } = await buildTeam();
    const analyst = await buildMember(team.id, "analyst");
    const note = await buildNote(team.id, analyst.id, docOf(paragraph([plain("Talks resumed.")])));
    await expect(
      createThread(note, analyst.id, { anchor: await anchorOver(note.id, "resumed"), quote: "resumed", body: "Hm.", suggestionId: "notthere" }),
    ).rejects.toThrow("That suggestion is not in the note any more.");
    expect(await listThreads(team.id, note.id)).toEqual([]);
  });
});
