import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { NoteEditor } from "@/components/editor/NoteEditor";
import { NoteTitle } from "@/components/notes/NoteTitle";
import { StatusBadge } from "@/components/notes/StatusBadge";
import { can } from "@/lib/auth/policy";
import { requireTeam } from "@/lib/auth/session";
import { userColor } from "@/lib/collab/user-color";
import { AppError } from "@/lib/errors";
import { getTeamNote } from "@/lib/notes/queries";
import { entityDirectory } from "@/lib/entities/queries";
import { tagsOfNote } from "@/lib/tags/queries";
import { NoteTags } from "@/components/notes/NoteTags";
import { DeleteNoteButton } from "@/components/notes/DeleteNoteButton";
import { WorkflowPanel } from "@/components/review/WorkflowPanel";
import { listMembers } from "@/lib/teams/queries";

export const metadata: Metadata = { title: "Note" };

async function loadNote(teamId: string, id: string) {
  if (!z.uuid().safeParse(id).success) notFound();
  try {
    return await getTeamNote(teamId, id);
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  }
}

export default async function NotePage({ params }: { params: Promise<{ team: string; id: string }> }) {
  const { team: slug, id } = await params;
  const { user, team, role } = await requireTeam(slug);
  // Readers never see drafts: to them a draft does not exist.
  if (!can.readDrafts(role)) notFound();
  const note = await loadNote(team.id, id);
  const editable = can.editNotes(role);
  const [directory, tags, members] = await Promise.all([entityDirectory(team.id), tagsOfNote(note.id), listMembers(team.id)]);
  const reviewers = members.filter((m) => can.review(m.role)).map((m) => ({ id: m.userId, name: m.name }));

  return (
    <main className="page">
      <div className="note-bar">
        <StatusBadge status={note.status} />
        <span className="muted">{note.kind === "brief" ? "Brief" : "Note"}</span>
        <Link className="history-link" href={`/t/${team.slug}/notes/${note.id}/history`}>
          History
        </Link>
        <a href={`/t/${team.slug}/notes/${note.id}/export?format=md`}>Markdown</a>
        <a href={`/t/${team.slug}/notes/${note.id}/export?format=html`}>HTML</a>
        {can.delete(role) && <DeleteNoteButton team={team.slug} noteId={note.id} title={note.title} />}
      </div>
      <NoteTitle team={team.slug} noteId={note.id} initial={note.title} editable={editable} />
      <NoteTags team={team.slug} noteId={note.id} initial={tags} editable={editable} />
      <WorkflowPanel team={team.slug} note={note} role={role} userId={user.id} reviewers={reviewers} />
      <NoteEditor
        team={team.slug}
        noteId={note.id}
        readOnly={!editable}
        canComment={can.comment(role)}
        user={{ id: user.id, name: user.name, color: userColor(user.id) }}
        entities={directory}
      />
    </main>
  );
}
