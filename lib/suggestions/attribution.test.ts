import { initProseMirrorDoc, updateYFragment } from "@tiptap/y-tiptap";
import { Transform } from "@tiptap/pm/transform";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { BODY_FIELD } from "@/lib/editor/extensions";
import { noteSchema } from "@/lib/editor/schema";
import { resolveSuggestions } from "@/lib/editor/suggestions/resolve";
import { SUGGESTED_INSERTION } from "@/lib/editor/suggestions/model";
import { findNote } from "@/lib/notes/queries";
import { compareVersions } from "@/lib/revisions/compare";
import { saveNamedVersion } from "@/lib/revisions/queries";
import { eventually, useCollabServer } from "@/lib/testing/collab";
import { useTestDatabase } from "@/lib/testing/database";
import { buildMember, buildTeam, buildNote, paragraphs } from "@/lib/testing/factories";

useTestDatabase();
const collab = useCollabServer();

/** Accepts every suggestion in a client's document as the editor does: a ProseMirror edit, written back through y-prosemirror. */
function acceptAllIn(doc: Y.Doc) {
  const body = doc.getXmlFragment(BODY_FIELD);
  const { doc: before, meta } = initProseMirrorDoc(body, noteSchema());
  const accepted = resolveSuggestions(new Transform(before), () => "accept").doc;
  doc.transact(() => updateYFragment(doc, body, accepted, meta));
}

describe("an accepted suggestion in the note's history", () => {
  it("counts its words for the one who suggested them, and the acceptance for the one who accepted", async () => {
    const { team } = await buildTeam();
    const analyst = await buildMember(team.id, "analyst");
    const reviewer = await buildMember(team.id, "reviewer");
    const created = await buildNote(team.id, analyst.id, paragraphs("Talks resumed."));
    const before = (await saveNamedVersion(team.id, created.id, analyst.id, "before review"))!;

    const suggester = await collab().connect(created.id, reviewer.id);
    await eventually(() => expect(suggester.provider.isSynced).toBe(true));
    const text = (suggester.doc.getXmlFragment(BODY_FIELD).get(0) as Y.XmlElement).get(0) as Y.XmlText;
    text.insert("Talks resumed".length, " in Geneva", { [SUGGESTED_INSERTION]: { id: "geneva01", author: reviewer.id, at: "2026-11-30T10:00:00.000Z" } });
    await eventually(() => expect(suggester.provider.hasUnsyncedChanges).toBe(false));

    const suggested = await compareVersions(team.id, (await findNote(created.id))!, before.id, "current");
    expect(suggested.to.contributors).toEqual([reviewer.id]);

    const accepter = await collab().connect(created.id, analyst.id);
    await eventually(() => expect(accepter.doc.getXmlFragment(BODY_FIELD).toString()).toContain("in Geneva"));
    acceptAllIn(accepter.doc);
    await eventually(() => expect(accepter.provider.hasUnsyncedChanges).toBe(false));
    expect(accepter.doc.getXmlFragment(BODY_FIELD).toString()).not.toContain(SUGGESTED_INSERTION);

    const note = (await findNote(created.id))!;
    const comparison = await compareVersions(team.id, note, before.id, "current");
    expect(comparison.changes.map((change) => [change.inserted.trim(), change.authors])).toEqual([["in Geneva", [reviewer.name]]]);
    expect([...comparison.to.contributors].sort()).toEqual([analyst.id, reviewer.id].sort());
  });
});
