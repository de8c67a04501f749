import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { findNote } from "@/lib/notes/queries";
import { appendParagraph, bodyText, eventually, startCollabServer } from "@/lib/testing/collab";
import { useTestDatabase } from "@/lib/testing/database";
import { buildMember, buildNote, buildTeam, paragraphs } from "@/lib/testing/factories";
import { pendingUpdateCount } from "./note-state";

/**
 * Two processes serving one note whose relay between them lost a message (a
 * Redis restart drops what is published while a subscriber reconnects): one
 * has stored an edit the other never received. Here the two servers share the
 * database and no Redis, so every relay is lost. The second one's store must
 * not write its own copy of the note over the stored edit.
 */
useTestDatabase();

type Server = Awaited<ReturnType<typeof startCollabServer>>;
let first: Server;
let second: Server;

beforeEach(async () => {
  first = await startCollabServer();
  second = await startCollabServer({ register: false });
});

afterEach(async () => {
  await Promise.all([first.close(), second.close()]);
});

describe("a process that missed an edit another process stored", () => {
  it("keeps the stored edit when it stores its own, and sends it to its editors", async () => {
    const { team } = await buildTeam();
    const [alice, bob] = [await buildMember(team.id, "analyst"), await buildMember(team.id, "analyst")];
    const note = await buildNote(team.id, alice.id, paragraphs("Seeded."));
    const onFirst = await first.connect(note.id, alice.id);
    const onSecond = await second.connect(note.id, bob.id);
    await eventually(() => expect(onFirst.provider.isSynced && onSecond.provider.isSynced).toBe(true));

    appendParagraph(onFirst.doc, "Stored by the first process.");
    await eventually(async () => {
      expect(await pendingUpdateCount(note.id)).toBe(0);
      expect((await findNote(note.id))?.text).toContain("Stored by the first process.");
    });
    expect(bodyText(onSecond.doc)).not.toContain("Stored by the first process.");

    appendParagraph(onSecond.doc, "Stored by the second process.");
    await eventually(async () => {
      expect(await pendingUpdateCount(note.id)).toBe(0);
      const text = (await findNote(note.id))?.text;
      expect(text).toContain("Stored by the second process.");
      expect(text).toContain("Stored by the first process.");
    });
    // The second process's editor is given what it missed, so it writes nothing less from now on.
    await eventually(() => expect(bodyText(onSecond.doc)).toContain("Stored by the first process."));
  });
});
