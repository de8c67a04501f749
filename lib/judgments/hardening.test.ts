import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { Node } from "@tiptap/pm/model";
import { db } from "@/db";
import { editions, notes } from "@/db/schema";
import { noteSchema } from "@/lib/editor/schema";
import { createNote, findNote } from "@/lib/notes/queries";
import { publishNote } from "@/lib/publishing/publish";
import { useCollabServer } from "@/lib/testing/collab";
import { useTestDatabase } from "@/lib/testing/database";
import { buildTeam, paragraphs } from "@/lib/testing/factories";
import { checkEstimativeLanguage, MOST_FINDINGS } from "@/lib/tradecraft/estimative-check";
import { LIKELIHOOD_SCALES } from "@/lib/tradecraft/likelihood";
import { missingRationales, type JudgmentChangeDraft } from "./edition-judgments";

useTestDatabase();
// Publishing tells open editors through the running collaboration server.
useCollabServer();

describe("what a hostile note or a late change cannot do", () => {
  it("cannot publish to anyone with the link a note whose marking was raised after the publisher loaded it", async () => {
    const { team, owner } = await buildTeam();
    const note = await createNote({ teamId: team.id, userId: owner.id, title: "Raised at the last moment", content: paragraphs("A sensitive line.") });
    const asLoaded = (await findNote(note.id))!;
    // Another writer raises the marking between the publisher's load and the publication.
    await db().update(notes).set({ marking: "amber" }).where(eq(notes.id, note.id));

    await expect(publishNote(asLoaded, owner, "owner", { visibility: "public", summary: "", overrideApproval: true })).rejects.toThrow(
      "This brief is marked TLP:AMBER: only a brief marked TLP:CLEAR, with no higher portion mark, may be published to anyone with the link.",
    );
    expect(await db().select().from(editions).where(eq(editions.noteId, note.id))).toEqual([]);
  });

  it("asks a reason of a judgment whatever its id, even one named like a property every object has", () => {
    const change = (key: string): JudgmentChangeDraft => ({
      key,
      change: "raised",
      text: "Talks will very likely resume.",
      likelihoodTerm: "very likely",
      likelihoodRank: 6,
      confidence: "moderate",
      previous: null,
      needsRationale: true,
    });
    for (const key of ["constructor", "toString", "__proto__", "hasOwnProperty"])
      expect(missingRationales([change(key)], {}), key).toBe("Say in a line why this judgment changed before publishing: “Talks will very likely resume.” (likelihood raised).");
    expect(missingRationales([change("constructor")], { constructor: "Both sides confirmed the date." })).toBeNull();
  });

  it("shows at most MOST_FINDINGS findings, the first in the text, however many a note makes", () => {
    const doc = Node.fromJSON(noteSchema(), paragraphs(...Array.from({ length: MOST_FINDINGS + 100 }, (_, i) => `Talks will probably resume in round ${i}.`)));
    const findings = checkEstimativeLanguage(doc, { scale: LIKELIHOOD_SCALES.icd203, wording: "either" });
    expect(findings).toHaveLength(MOST_FINDINGS);
    expect(findings[0].sentence).toBe("Talks will probably resume in round 0.");
  });
});
