import "server-only";
import { eq } from "drizzle-orm";
import { notes, teams, type Team } from "@/db/schema";
import { closeNote } from "@/lib/collab/registry";
import { runCommand } from "@/lib/commands/command";
import { badRequest, notFound } from "@/lib/errors";

export interface TeamDeletion {
  teamId: string;
  /** What the owner typed to confirm: the team's slug or its name. */
  confirmation: string;
  deletedBy: { id: string; email: string };
}

/** Whether what was typed names the team: its slug or its name, exactly. */
export const confirmsTeam = (team: Pick<Team, "slug" | "name">, typed: string) => typed.trim() === team.slug || typed.trim() === team.name;

/**
 * Deletes a team with everything of it: memberships, invites, notes and their
 * update logs, revisions, comments, reviews, editions, actors and events,
 * tags, notifications, feed tokens, former slugs and the audit log. Every
 * table that holds a team's rows references the team (or a note, entity,
 * tag or thread of it) with ON DELETE CASCADE, so one delete takes them all,
 * in one transaction.
 *
 * The audit log goes with the team, so the deletion is written to the
 * server's log instead, once committed; then every open editor of the
 * team's notes is closed, on every process.
 */
export function deleteTeam({ teamId, confirmation, deletedBy }: TeamDeletion): Promise<Team> {
  return runCommand(async ({ tx, afterCommit }) => {
    const [team] = await tx.select().from(teams).where(eq(teams.id, teamId)).for("update");
    if (!team) throw notFound("That team");
    if (!confirmsTeam(team, confirmation)) throw badRequest(`To delete the team, type its slug (${team.slug}) or its name exactly.`);

    const noteIds = await tx.select({ id: notes.id }).from(notes).where(eq(notes.teamId, teamId));
    await tx.delete(teams).where(eq(teams.id, teamId));

    afterCommit(() =>
      console.log(
        `Team deleted: "${team.name}" (slug ${team.slug}, id ${team.id}) with its ${noteIds.length} note(s), ` +
          `by ${deletedBy.email} (user ${deletedBy.id}) at ${new Date().toISOString()}. Its audit log was deleted with it.`,
      ),
    );
    for (const note of noteIds) afterCommit(() => closeNote(note.id));
    return team;
  });
}
