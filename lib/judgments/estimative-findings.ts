import "server-only";
import { Node } from "@tiptap/pm/model";
import { asc, eq } from "drizzle-orm";
import { db, type Executor } from "@/db";
import { estimativeSuppressions, users } from "@/db/schema";
import type { DocNode } from "@/lib/editor/document";
import { noteSchema } from "@/lib/editor/schema";
import type { TeamTradecraft } from "@/lib/teams/tradecraft";
import { checkEstimativeLanguage, type Finding, type Suppression } from "@/lib/tradecraft/estimative-check";

/** A passage set aside, as the editor and the publish panel show it. */
export interface SetAsideFinding extends Suppression {
  id: string;
  /** When, as an ISO string (it crosses to the browser). */
  at: string;
}

/** The findings set aside on a note's passages, oldest first, with who set each aside. */
export async function setAsideFindings(noteId: string, tx: Executor = db()): Promise<SetAsideFinding[]> {
  const rows = await tx
    .select({
      id: estimativeSuppressions.id,
      kind: estimativeSuppressions.kind,
      term: estimativeSuppressions.term,
      sentence: estimativeSuppressions.sentence,
      reason: estimativeSuppressions.reason,
      by: users.name,
      at: estimativeSuppressions.createdAt,
    })
    .from(estimativeSuppressions)
    .leftJoin(users, eq(users.id, estimativeSuppressions.createdBy))
    .where(eq(estimativeSuppressions.noteId, noteId))
    .orderBy(asc(estimativeSuppressions.createdAt), asc(estimativeSuppressions.id));
  return rows.map((row) => ({ ...row, at: row.at.toISOString() }));
}

/** The estimative-language findings of a body under the team's standards, with the passages set aside marked. */
export function findingsOfBody(content: DocNode, tradecraft: Pick<TeamTradecraft, "scale" | "wording">, suppressions: readonly Suppression[]): Finding[] {
  return checkEstimativeLanguage(Node.fromJSON(noteSchema(), content), { scale: tradecraft.scale, wording: tradecraft.wording, suppressions });
}
