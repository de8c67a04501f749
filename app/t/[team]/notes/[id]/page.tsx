import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { NoteEditor } from "@/components/editor/NoteEditor";
import { KeepPageOffline } from "@/components/editor/offline/KeepPageOffline";
import { NoteTitle } from "@/components/notes/NoteTitle";
import { StatusBadge } from "@/components/notes/StatusBadge";
import { abilities, can, teamScope } from "@/lib/policies";
import { openNote } from "@/lib/loaders/open";
import { userColor } from "@/lib/collab/user-color";
import { entityDirectory } from "@/lib/entities/queries";
import { tagsOfNote } from "@/lib/tags/queries";
import { NoteTags } from "@/components/notes/NoteTags";
import { DeleteNoteButton } from "@/components/notes/DeleteNoteButton";
import { SaveAsTemplateButton } from "@/components/notes/SaveAsTemplateButton";
import { WorkflowPanel } from "@/components/review/WorkflowPanel";
import { listMembers } from "@/lib/teams/queries";
import { tradecraftOf } from "@/lib/teams/tradecraft";
import { setAsideFindings } from "@/lib/judgments/estimative-findings";
import { NoteMarkingProvider } from "@/components/editor/markings/note-marking-context";
import { NoteBanner } from "@/components/editor/markings/NoteBanner";
import { NoteMarkingControl } from "@/components/editor/markings/NoteMarkingControl";
import { NoteDateline } from "@/components/notes/NoteDateline";
import { highestPortionMarkedBlock } from "@/lib/editor/portion-mark-blocks";
import { StarButton } from "@/components/notes/StarButton";
import { NoteCollection } from "@/components/notes/NoteCollection";
import { listCollections } from "@/lib/collections/queries";
import { isStarred } from "@/lib/notes/stars";
import { ignoredUnlinkedNames } from "@/lib/entities/unlinked-ignores";

export const metadata: Metadata = { title: "Note" };

export default async function NotePage({ params, searchParams }: { params: Promise<{ team: string; id: string }>; searchParams: Promise<{ thread?: string }> }) {
  const [{ team: slug, id }, { thread }] = await Promise.all([params, searchParams]);
  // Readers never see drafts: to them a draft does not exist (openNote).
  const { user, team, actor, note } = await openNote(slug, id);
  const may = abilities(actor, "note", note);
  const mayMakeTemplates = can(actor, "template.create", teamScope(team));
  const [directory, tags, members, setAside, ignoredNames, starred, collections] = await Promise.all([
    entityDirectory(team.id),
    tagsOfNote(note.id),
    listMembers(team.id),
    setAsideFindings(note.id),
    ignoredUnlinkedNames(note.id),
    isStarred(user.id, note.id),
    can(actor, "collection.read", teamScope(team)) ? listCollections(team.id) : [],
  ]);
  // Read from the team's row: the editor and the publish panel check the same standards, and the same passages set aside.
  const tradecraft = tradecraftOf(team);
  const reviewers = members
    .filter((member) => can({ userId: member.userId, teamId: team.id, role: member.role }, "team.review", team))
    .map((member) => ({ id: member.userId, name: member.name }));

  return (
    // The stored body's portion marks until the editor reports the live ones.
    <NoteMarkingProvider marking={note.marking} portionMark={note.content ? highestPortionMarkedBlock(note.content) : null}>
      <main className="page">
        <KeepPageOffline userId={user.id} />
        <NoteBanner />
        <div className="note-bar">
          <StatusBadge status={note.status} />
          <span className="muted">{note.kind === "brief" ? "Brief" : "Note"}</span>
          <StarButton team={team.slug} noteId={note.id} starred={starred} />
          <Link className="history-link" href={`/t/${team.slug}/notes/${note.id}/history`}>
            History
          </Link>
          <a href={`/t/${team.slug}/notes/${note.id}/export?format=md`}>Markdown</a>
          <a href={`/t/${team.slug}/notes/${note.id}/export?format=html`}>HTML</a>
          <NoteMarkingControl team={team.slug} noteId={note.id} editable={may.update} />
          <NoteDateline team={team.slug} noteId={note.id} initial={note.dateline} editable={may.update} />
          <NoteCollection team={team.slug} noteId={note.id} initial={note.collectionId} collections={collections} editable={may.update} />
          {mayMakeTemplates && <SaveAsTemplateButton team={team.slug} noteId={note.id} />}
          {may.delete && <DeleteNoteButton team={team.slug} noteId={note.id} title={note.title} />}
        </div>
        <NoteTitle team={team.slug} noteId={note.id} userId={user.id} initial={note.title} editable={may.update} />
        <NoteTags team={team.slug} noteId={note.id} initial={tags} editable={may.update} />
        <WorkflowPanel
          team={team.slug}
          note={note}
          actor={actor}
          reviewers={reviewers}
          defaultVisibility={team.defaultVisibility}
          tradecraft={tradecraft}
          setAside={setAside}
        />
        <NoteEditor
          team={team.slug}
          noteId={note.id}
          readOnly={!may.update}
          canComment={may.comment}
          canSuggest={may.suggest}
          user={{ id: user.id, name: user.name, color: userColor(user.id) }}
          entities={directory}
          citationTrigger={team.citationTrigger}
          estimative={{ scale: tradecraft.scale.id, wording: tradecraft.wording, setAside }}
          people={members.map((member) => ({ id: member.userId, name: member.name }))}
          ignoredNames={ignoredNames}
          // From the inbox: the thread a comment was written in, opened; anything else is ignored.
          openThread={z.uuid().safeParse(thread).success ? thread : undefined}
        />
      </main>
    </NoteMarkingProvider>
  );
}
