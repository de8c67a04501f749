import "server-only";
import { and, eq } from "drizzle-orm";
import type { Note, User } from "@/db/schema";
import { estimativeSuppressions } from "@/db/schema";
import { currentBody } from "@/lib/collab/current-body";
import { tellEditors } from "@/lib/collab/registry";
import { runCommand } from "@/lib/commands/command";
import { refreshTeamPages } from "@/lib/commands/page-refresh";
import { badRequest, notFound } from "@/lib/errors";
import { teamTradecraft } from "@/lib/teams/tradecraft";
import { FINDING_TITLES, type FindingKind } from "@/lib/tradecraft/findings";
import { findingsOfBody } from "./estimative-findings";

/** A finding on one passage: its kind, the words found and the sentence they stand in, as the checker reports them. */
export interface PassageFinding {
  kind: FindingKind;
  term: string;
  sentence: string;
}

const samePassage = (passage: PassageFinding) =>
  and(eq(estimativeSuppressions.kind, passage.kind), eq(estimativeSuppressions.term, passage.term), eq(estimativeSuppressions.sentence, passage.sentence));

/**
 * Sets a finding of the estimative-language check aside on its passage, with
 * who did it and why. Only what the check finds in the note as it is now
 * (under the team's scale and wording) can be set aside: anything else is
 * refused and nothing is written. Setting aside what is already set aside
 * changes nothing.
 */
export async function setAsideFinding(note: Note, user: Pick<User, "id">, passage: PassageFinding, reason: string): Promise<void> {
  const [{ content }, tradecraft] = await Promise.all([currentBody(note.id), teamTradecraft(note.teamId)]);
  const found = findingsOfBody(content, tradecraft, []).some((finding) => finding.kind === passage.kind && finding.term === passage.term && finding.sentence === passage.sentence);
  if (!found) {
    const what = passage.term ? `“${passage.term}”` : "That judgment";
    throw badRequest(`${what} is not a finding of “${FINDING_TITLES[passage.kind]}” in that sentence of the note under the team's ${tradecraft.scale.name} scale; nothing was set aside.`);
  }
  await runCommand(async ({ tx, audit, afterCommit }) => {
    const [row] = await tx
      .insert(estimativeSuppressions)
      .values({ noteId: note.id, teamId: note.teamId, ...passage, reason, createdBy: user.id })
      .onConflictDoNothing()
      .returning({ id: estimativeSuppressions.id });
    // The unique index holds one row per note, kind and passage: a second setting aside writes nothing.
    if (!row) return;
    await audit({ teamId: note.teamId, userId: user.id, action: "note.finding_set_aside", target: note.id, data: { ...passage, reason } });
    afterCommit(() => tellEditors(note.id, "findings"));
    afterCommit(() => refreshTeamPages(note.teamId));
  });
}

/** Raises a finding set aside again: it shows wherever its words still stand. */
export async function restoreFinding(note: Note, user: Pick<User, "id">, passage: PassageFinding): Promise<void> {
  await runCommand(async ({ tx, audit, afterCommit }) => {
    const removed = await tx
      .delete(estimativeSuppressions)
      .where(and(eq(estimativeSuppressions.noteId, note.id), samePassage(passage)))
      .returning({ reason: estimativeSuppressions.reason });
    if (removed.length === 0) throw notFound("That finding set aside");
    await audit({ teamId: note.teamId, userId: user.id, action: "note.finding_restored", target: note.id, data: { ...passage } });
    afterCommit(() => tellEditors(note.id, "findings"));
    afterCommit(() => refreshTeamPages(note.teamId));
  });
}
