import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { BODY_FIELD } from "@/lib/editor/extensions";
import { findNote } from "@/lib/notes/queries";
import { compareVersions } from "@/lib/revisions/compare";
import { saveNamedVersion } from "@/lib/revisions/queries";
import { eventually, useCollabServer } from "@/lib/testing/collab";
import { useTestDatabase } from "@/lib/testing/database";
import { buildMember, buildNote, buildTeam, paragraphs } from "@/lib/testing/factories";

useTestDatabase();
const collab = useCollabServer();

const firstText = (doc: Y.Doc) => (doc.getXmlFragment(BODY_FIELD).get(0) as Y.XmlElement).get(0) as Y.XmlText;

/** An edit by `userId`, made in their own editor and stored with them named among the note's editors. */
async function editAs(noteId: string, userId: string, edit: (text: Y.XmlText) => void) {
  const editor = await collab().connect(noteId, userId);
  await eventually(() => expect(editor.provider.isSynced).toBe(true));
  edit(firstText(editor.doc));
  await eventually(() => expect(editor.provider.hasUnsyncedChanges).toBe(false));
  await eventually(async () => expect((await findNote(noteId))!.pendingContributors).toContain(userId));
}

describe("who changed what, for a deletion", () => {
  it("names the one who deleted, not everyone who edited between the two versions", async () => {
    const { team } = await buildTeam();
    const writer = await buildMember(team.id, "analyst");
    const colleague = await buildMember(team.id, "analyst");
    const created = await buildNote(team.id, writer.id, paragraphs("Talks resumed in Geneva on Monday."));
    const before = (await saveNamedVersion(team.id, created.id, writer.id, "before"))!;

    // The writer adds a sentence; a version records it; then the colleague deletes two words.
    await editAs(created.id, writer.id, (text) => text.insert(text.length, " Both sides attended."));
    await saveNamedVersion(team.id, created.id, writer.id, "with attendance");
    await editAs(created.id, colleague.id, (text) => text.delete("Talks resumed ".length, "in Geneva ".length));

    const current = await compareVersions(team.id, (await findNote(created.id))!, before.id, "current");
    const described = current.changes.map((change) => ({ deleted: change.deleted.trim(), inserted: change.inserted.trim(), by: change.authors }));
    expect(described).toEqual(
      expect.arrayContaining([
        { deleted: "in Geneva", inserted: "", by: [colleague.name] },
        { deleted: "", inserted: "Both sides attended.", by: [writer.name] },
      ]),
    );

    // The same, up to a version saved after the deletion.
    const after = (await saveNamedVersion(team.id, created.id, colleague.id, "after"))!;
    const saved = await compareVersions(team.id, (await findNote(created.id))!, before.id, after.id);
    expect(saved.changes.find((change) => change.deleted.includes("Geneva"))?.authors).toEqual([colleague.name]);
  });
});
