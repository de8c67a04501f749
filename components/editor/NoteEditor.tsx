"use client";

import type { Editor } from "@tiptap/react";
import { useEffect, useRef, useState } from "react";
import * as Y from "yjs";
import { guardBody } from "@/lib/editor/body-guard";
import { discardStoredEdits, type StoredEdits } from "./offline/offline-store";
import { countPendingChanges, openNoteSession, type NoteSession } from "./offline/note-session";
import { UnshowableNote } from "./UnshowableNote";
import { StoredEditsRefusal } from "./offline/StoredEditsRefusal";
import { writeModeOf } from "./offline/write-mode";
import { DEFAULT_CITATION_TRIGGER } from "@/lib/teams/team-fields";
import type { Person } from "./suggestions/SuggestionPanel";
import { EntityDirectory, type DirectoryEntry } from "./mentions/entity-directory";
import { CONNECTION_LABELS } from "./useConnectionState";
import type { EstimativeSettings } from "./estimative/useEstimativeMarks";
import { CollaborativeEditor, type EditorUser } from "./CollaborativeEditor";

interface Props {
  team: string;
  noteId: string;
  /** The team's actors and events, for mention chips, the pickers and unlinked mentions. */
  entities: DirectoryEntry[];
  user: EditorUser;
  /** What the page knows of the role; the server's answer on the websocket has the last word. */
  readOnly: boolean;
  /** Reviewers comment on a body they cannot change. */
  canComment: boolean;
  /** Whether they may propose changes as suggestions (Suggesting mode): reviewers may, as may whoever edits. */
  canSuggest: boolean;
  /** A comment thread to show first (a link from the inbox). */
  openThread?: string;
  /** The team's members, to name who suggested what. */
  people?: Person[];
  /** What, typed in the text, opens the source picker (the team's setting). */
  citationTrigger?: string;
  /** The team's scale and wording, and the passages whose findings were set aside, for the estimative-language marks. */
  estimative: EstimativeSettings;
  /** The names its writers left as plain text here, which "Unlinked mentions" no longer offers. */
  ignoredNames?: string[];
}

export function NoteEditor({
  team,
  noteId,
  user,
  readOnly,
  canComment,
  canSuggest,
  entities,
  openThread,
  citationTrigger = DEFAULT_CITATION_TRIGGER,
  estimative,
  people = [],
  ignoredNames = [],
}: Props) {
  const [directory] = useState(() => new EntityDirectory(entities));
  const [session, setSession] = useState<NoteSession | null>(null);
  const [setAside, setSetAside] = useState<StoredEdits | null>(null);
  const [unshowable, setUnshowable] = useState<{ problem: string; cause: "body" | "render" } | null>(null);
  const shownInRef = useRef<Editor | null>(null);
  // The page's abilities, as the server rendered them when the note was opened.
  const [mode] = useState(() => writeModeOf({ readOnly, canSuggest }));

  useEffect(() => {
    const doc = new Y.Doc();
    let opened: NoteSession | undefined;
    let stopCounting = () => {};
    let closed = false;
    // Before anything arrives: the guard must see what this browser kept, and the first sync.
    const stopGuard = guardBody(doc, (problem) => {
      // Synchronously, before y-tiptap draws the change: nothing may be written back.
      opened?.provider.disconnect();
      shownInRef.current?.destroy();
      setUnshowable({ problem, cause: "body" });
    });
    void openNoteSession(noteId, user.id, mode, doc).then(({ session, refused }) => {
      opened = session;
      if (closed) return void session.provider.destroy();
      stopCounting = countPendingChanges(session);
      setSetAside(refused);
      setSession(session);
    });
    return () => {
      closed = true;
      stopGuard();
      stopCounting();
      opened?.provider.destroy();
      doc.destroy();
    };
  }, [noteId, user.id, mode]);

  if (unshowable) return <UnshowableNote team={team} noteId={noteId} {...unshowable} />;
  if (!session) return <p className="status-pill" data-state="connecting">{CONNECTION_LABELS.connecting}</p>;
  return (
    <>
    {setAside && (
      <StoredEditsRefusal
        pending={setAside.pending}
        text={() => setAside.text}
        onDiscard={async () => {
          await discardStoredEdits(session.storeName);
          setSetAside(null);
        }}
      />
    )}
    <CollaborativeEditor
      key={session.doc.guid}
      session={session}
      shownInRef={shownInRef}
      onRenderFailure={(problem) => {
        // Synchronously, inside Yjs' transaction: an editor showing less than the note must write nothing back.
        session.provider.disconnect();
        shownInRef.current?.destroy();
        setUnshowable({ problem, cause: "render" });
      }}
      team={team}
      noteId={noteId}
      user={user}
      readOnly={readOnly}
      canComment={canComment}
      canSuggest={canSuggest}
      directory={directory}
      openThread={openThread}
      citationTrigger={citationTrigger}
      estimative={estimative}
      people={people}
      ignoredNames={ignoredNames}
    />
    </>
  );
}
