import "server-only";
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import { db } from "@/db";
import { editionColumns, editions, entities, notes, noteUpdates, revisions, users, type Note, type Role, type Visibility } from "@/db/schema";
import { currentBody } from "@/lib/collab/current-body";
import { runCommand } from "@/lib/commands/command";
import { extractMentions } from "@/lib/editor/mentions";
import { badRequest } from "@/lib/errors";
import { authorize, can } from "@/lib/policies";
import { statusChanged } from "@/lib/review/status-change";
import { approvalState } from "@/lib/review/workflow";
import { suggestionsIn } from "@/lib/editor/suggestions/read";
import { publishRefusal } from "@/lib/review/suggestion-words";
import { recordRevision } from "@/lib/revisions/create";
import { tagsOfNote } from "@/lib/tags/queries";
import { freezeEditionEntities } from "./edition-entities";
import { freezeEditionCitations } from "@/lib/sources/edition-citations";
import { editionPublishedNotifications } from "./followers";
import { formatDay } from "@/lib/day";
import { bannerMarking } from "@/lib/editor/portion-marks";
import { freezeEditionJudgments } from "@/lib/judgments/edition-judgments";
import { teamTradecraft } from "@/lib/teams/tradecraft";
import { mayBePublic, TLP_LABELS } from "@/lib/tradecraft/tlp";
import { enqueueWebhookEvent } from "@/lib/webhooks/enqueue";

/**
 * Publishes the note as its next edition: a frozen copy of the text as it is
 * now (title, dateline, body, its tags, the actors and events it names with
 * the sentences around them, its authors).
 * The text must be the approved text; an owner may publish without, and that
 * is recorded. Nobody publishes a text with open suggestions: they are
 * accepted or rejected first, so a brief says only what its author accepted. Those following the brief, or what it mentions, are notified.
 */
export async function publishNote(
  note: Note,
  user: { id: string },
  role: Role,
  options: {
    visibility: Visibility;
    summary: string;
    overrideApproval: boolean;
    /** The publisher's reason for each changed judgment, by its key (lib/judgments/edition-judgments.ts). */
    rationales?: Readonly<Record<string, string>>;
  },
) {
  const body = await currentBody(note.id);
  const actor = { userId: user.id, teamId: note.teamId, role };
  // Judged on the very body the edition freezes.
  const flow = { note, ...(await approvalState(note, body)) };
  const approved = can(actor, "review.publish", flow);
  if (!approved) authorize(actor, options.overrideApproval ? "review.publishWithoutApproval" : "review.publish", flow);
  if (!body.text.trim()) throw badRequest("There is nothing to publish yet: the note is empty.");
  const { scale } = await teamTradecraft(note.teamId);

  const mentioned = extractMentions(body.content).map((m) => m.entityId);
  const named = mentioned.length
    ? await db()
        .select({ id: entities.id, kind: entities.kind, name: entities.name })
        .from(entities)
        .where(and(eq(entities.teamId, note.teamId), inArray(entities.id, mentioned)))
    : [];
  const authorRows = await db()
    .selectDistinct({ name: users.name })
    .from(users)
    .where(
      // Edits since the last revision are in the edition too: their writers wait in
      // pending_contributors (stored) or the update log (acknowledged, not yet stored).
      sql`${users.id} = ${note.createdBy} or ${users.id} in (select unnest(contributors) from ${revisions} where note_id = ${note.id})
        or ${users.id} in (select unnest(pending_contributors) from ${notes} where id = ${note.id})
        or ${users.id} in (select user_id from ${noteUpdates} where note_id = ${note.id})`,
    );

  return runCommand(async ({ tx, audit, notify, afterCommit }) => {
    // On the very body the edition freezes, before anything is written; approved or not, carried or not.
    const open = suggestionsIn(body.content);
    if (open.length > 0) throw badRequest(publishRefusal(open.length));
    // The banner the edition carries: the note's marking as it is now (locked, so no change of it can pass unseen) or a higher portion mark in the very body it freezes.
    const [{ marking: noteMarking }] = await tx.select({ marking: notes.marking }).from(notes).where(eq(notes.id, note.id)).for("update");
    const marking = bannerMarking(noteMarking, body.content);
    if (options.visibility === "public" && !mayBePublic(marking))
      throw badRequest(`This brief is marked ${TLP_LABELS[marking]}: only a brief marked TLP:CLEAR, with no higher portion mark, may be published to anyone with the link.`);
    const revision = await recordRevision(note.id, { reason: "publish", userId: user.id, snapshot: { title: note.title, ...body } }, tx);
    const [{ next }] = await tx
      .select({ next: sql<number>`coalesce(max(${editions.number}), 0)::int + 1` })
      .from(editions)
      .where(eq(editions.noteId, note.id));
    const tags = await tagsOfNote(note.id, tx);
    const [created] = await tx
      .insert(editions)
      .values({
        noteId: note.id,
        teamId: note.teamId,
        number: next,
        revisionId: revision?.id ?? null,
        title: note.title || "Untitled",
        // The day the note speaks of, when it names one; else the day it is published.
        dateline: formatDay(note.dateline ?? new Date()),
        content: body.content,
        text: body.text,
        summary: options.summary,
        visibility: options.visibility,
        marking,
        likelihoodScale: scale.id,
        authors: authorRows.map((row) => row.name).sort(),
        entities: named,
        tags,
        publishedBy: user.id,
        approvalOverridden: approved ? null : "owner",
      })
      .returning(editionColumns);
    await freezeEditionEntities(tx, created, body.content);
    await freezeEditionCitations(tx, created, body.content);
    await freezeEditionJudgments(tx, created, body.content, scale, options.rationales ?? {});
    // After the mentions are frozen: followers of the actors and events it names hear of it too.
    await notify(await editionPublishedNotifications(tx, created, user.id));
    await tx.update(notes).set({ status: "published", kind: "brief" }).where(eq(notes.id, note.id));
    await audit({
      teamId: note.teamId,
      userId: user.id,
      action: "note.published",
      target: note.id,
      data: { edition: created.number, visibility: created.visibility, marking: created.marking, ...(approved ? {} : { approvalOverridden: true }) },
    });
    await enqueueWebhookEvent(tx, note.teamId, "edition.published", (team, origin) => ({
      note: { id: note.id },
      edition: {
        id: created.id,
        number: created.number,
        title: created.title,
        public: created.visibility === "public",
        visibility: created.visibility,
        marking: created.marking,
        url: `${origin}/b/${team.slug}/${note.id}/${created.number}`,
      },
    }));
    afterCommit(() => statusChanged(note));
    return created;
  });
}

/** Withdraws every edition from readers; recorded. The note goes back to draft. */
export function unpublishNote(note: Note, user: { id: string }) {
  return runCommand(async ({ tx, audit, afterCommit }) => {
    const withdrawn = await tx
      .update(editions)
      .set({ withdrawnAt: new Date(), withdrawnBy: user.id })
      .where(and(eq(editions.noteId, note.id), isNull(editions.withdrawnAt)))
      .returning({ id: editions.id });
    if (withdrawn.length === 0) throw badRequest("This brief is not published.");
    await tx.update(notes).set({ status: "draft" }).where(eq(notes.id, note.id));
    await audit({ teamId: note.teamId, userId: user.id, action: "note.unpublished", target: note.id, data: { editions: withdrawn.length } });
    afterCommit(() => statusChanged(note));
  });
}
