import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { useTestDatabase } from "@/lib/testing/database";
import { appendParagraph } from "@/lib/testing/collab";
import { buildNote, buildTeam, paragraphs } from "@/lib/testing/factories";
import { appendUpdate, loadNoteState, storeNoteState } from "./note-state";
import { inStoreSlot } from "./store-slots";

useTestDatabase();

const NOTES = 40;

describe("store slots", () => {
  it("lets a keystroke's append commit while a wave of stores is still running", async () => {
    const { team, owner } = await buildTeam();
    const edited = await Promise.all(
      Array.from({ length: NOTES }, async (_, i) => {
        const note = await buildNote(team.id, owner.id, paragraphs(`Note ${i}.`));
        const doc = new Y.Doc();
        Y.applyUpdate(doc, (await loadNoteState(note.id))!);
        appendParagraph(doc, "An edit waiting to be stored.");
        return { note, doc };
      }),
    );
    const typedInto = await buildNote(team.id, owner.id, paragraphs("Being typed into."));
    const keystroke = Y.encodeStateAsUpdate((() => {
      const doc = new Y.Doc();
      appendParagraph(doc, "x");
      return doc;
    })());

    // Every note's debounce ends at once, as when a team stops typing together.
    let stored = 0;
    const wave = edited.map(({ note, doc }) => inStoreSlot(() => storeNoteState(note.id, doc, owner.id, [])).then(() => stored++));
    // The keystroke arrives from the network a moment later.
    await new Promise((resolve) => setImmediate(resolve));
    const storedBeforeAppend = await appendUpdate(typedInto.id, keystroke, owner.id).then(() => stored);
    await Promise.all(wave);

    expect(stored).toBe(NOTES);
    expect(storedBeforeAppend).toBeLessThan(NOTES / 4);
  });
});
