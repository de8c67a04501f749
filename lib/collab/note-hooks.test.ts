import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { notes } from "@/db/schema";
import { findNote } from "@/lib/notes/queries";
import { useTestDatabase } from "@/lib/testing/database";
import { appendParagraph, eventually, useCollabServer } from "@/lib/testing/collab";
import { buildMember, buildNote, buildTeam, paragraphs } from "@/lib/testing/factories";
import type { NoteSubscriber } from "./note-hooks";

useTestDatabase();

/** What a subscriber of the test's own saw, in the order it saw it. */
const heard: string[] = [];
/** Whether `bodyChanged` throws, as a subscriber whose write fails would. */
let failing = false;

const recorder: NoteSubscriber = {
  async bodyChanged({ tx, note, content }) {
    // Read inside the store's transaction: the changed body is written before the subscribers run.
    const [row] = await tx.select({ text: notes.text }).from(notes).where(eq(notes.id, note.id));
    heard.push(`changed ${note.id} in team ${note.teamId}: ${JSON.stringify(content).includes("Heard by the hooks.")} / ${row.text}`);
    if (failing) throw new Error("the subscriber's write failed");
  },
  stored(noteId) {
    heard.push(`stored ${noteId}`);
  },
  async unloaded(noteId) {
    heard.push(`unloaded ${noteId}`);
  },
};

const collab = useCollabServer({ subscribers: [recorder], storeRetry: { firstMs: 50, maxMs: 400 } });

/** What was heard from the first change on (a store that changed nothing may come before it). */
const fromFirstChange = () => heard.slice(Math.max(heard.findIndex((line) => line.startsWith("changed")), 0));

async function openNote() {
  heard.length = 0;
  failing = false;
  const { team } = await buildTeam();
  const analyst = await buildMember(team.id, "analyst");
  const note = await buildNote(team.id, analyst.id, paragraphs("Seeded on the server."));
  const writer = await collab().connect(note.id, analyst.id);
  await eventually(() => expect(writer.provider.isSynced).toBe(true));
  return { team, note, writer };
}

describe("the collaboration server's note hooks", () => {
  it("run a subscriber in the store's transaction once the changed body is written, then after the store commits", async () => {
    const { team, note, writer } = await openNote();

    appendParagraph(writer.doc, "Heard by the hooks.");
    await eventually(() => expect(fromFirstChange()).toContain(`stored ${note.id}`));
    expect(fromFirstChange()).toEqual([
      `changed ${note.id} in team ${team.id}: true / Seeded on the server.\nHeard by the hooks.`,
      `stored ${note.id}`,
    ]);

    writer.websocketProvider.destroy();
    writer.provider.destroy();
    await eventually(() => expect(heard.at(-1)).toBe(`unloaded ${note.id}`));
  });

  it("fail the store with a subscriber that throws: nothing of it commits, and the store is tried again until none does", async () => {
    const { note, writer } = await openNote();
    failing = true;

    appendParagraph(writer.doc, "Heard by the hooks.");
    await eventually(() => expect(fromFirstChange().filter((line) => line.startsWith("changed")).length).toBeGreaterThan(1));
    // The failed stores wrote nothing, and no subscriber was told the note was stored.
    expect((await findNote(note.id))?.text).toBe("Seeded on the server.");
    expect(fromFirstChange()).not.toContain(`stored ${note.id}`);

    failing = false;
    await eventually(() => expect(fromFirstChange()).toContain(`stored ${note.id}`));
    expect((await findNote(note.id))?.text).toBe("Seeded on the server.\nHeard by the hooks.");
  });
});
