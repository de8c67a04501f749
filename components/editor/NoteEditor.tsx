"use client";

import type { HocuspocusProvider } from "@hocuspocus/provider";
import Collaboration from "@tiptap/extension-collaboration";
import CollaborationCaret from "@tiptap/extension-collaboration-caret";
import { Placeholder } from "@tiptap/extensions";
import { EditorContent, useEditor } from "@tiptap/react";
import { useEffect, useState } from "react";
import * as Y from "yjs";
import { BODY_FIELD, documentExtensions } from "@/lib/editor/extensions";
import { connectToNote } from "./collab-connection";
import { EntityDirectory, type DirectoryEntry } from "./mentions/entity-directory";
import { mentionChip } from "./mentions/mention-chip";
import { mentionSuggestions } from "./mentions/mention-suggestions";
import { PresenceAvatars } from "./PresenceAvatars";
import { UnlinkedMentions } from "./UnlinkedMentions";
import { Toolbar } from "./Toolbar";
import { CONNECTION_LABELS, useConnectionState } from "./useConnectionState";
import { FormError } from "@/components/FormError";

export interface EditorUser {
  id: string;
  name: string;
  color: string;
}

interface Props {
  team: string;
  noteId: string;
  /** The team's actors and events, for mention chips, the pickers and unlinked mentions. */
  entities: DirectoryEntry[];
  user: EditorUser;
  /** What the page knows of the role; the server's answer on the websocket has the last word. */
  readOnly: boolean;
}

export function NoteEditor({ team, noteId, user, readOnly, entities }: Props) {
  const [directory] = useState(() => new EntityDirectory(entities));
  const [session, setSession] = useState<{ doc: Y.Doc; provider: HocuspocusProvider } | null>(null);

  useEffect(() => {
    const doc = new Y.Doc();
    const provider = connectToNote(noteId, doc);
    setSession({ doc, provider });
    return () => {
      provider.destroy();
      doc.destroy();
    };
  }, [noteId]);

  if (!session) return <p className="status-pill" data-state="connecting">{CONNECTION_LABELS.connecting}</p>;
  return <CollaborativeEditor key={session.doc.guid} {...session} team={team} user={user} readOnly={readOnly} directory={directory} />;
}

interface EditorProps {
  team: string;
  doc: Y.Doc;
  provider: HocuspocusProvider;
  user: EditorUser;
  readOnly: boolean;
  directory: EntityDirectory;
}

function CollaborativeEditor({ team, doc, provider, user, readOnly, directory }: EditorProps) {
  const connection = useConnectionState(provider);
  const [error, setError] = useState<string | null>(null);
  const editable = !(connection.readOnly ?? readOnly) && connection.state !== "denied";

  const editor = useEditor(
    {
      immediatelyRender: false,
      editable,
      extensions: [
        ...documentExtensions({
          mentionSuggestions: mentionSuggestions(team, directory, setError),
          mentionNodeView: mentionChip(team, directory),
        }),
        Collaboration.configure({ document: doc, field: BODY_FIELD }),
        CollaborationCaret.configure({ provider, user }),
        Placeholder.configure({ placeholder: "Write your analysis…" }),
      ],
      editorProps: { attributes: { role: "textbox", "aria-multiline": "true", "aria-label": "Note body", class: "note-body" } },
    },
    [doc, provider],
  );

  useEffect(() => {
    editor?.setEditable(editable);
  }, [editor, editable]);

  // Warn before leaving while edits are not yet acknowledged by the server.
  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (provider.hasUnsyncedChanges) event.preventDefault();
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [provider]);

  return (
    <div className="note-layout">
      <div className="note-main">
      <div className="note-bar">
        <span className="status-pill" data-state={connection.state} role="status" aria-live="polite" data-testid="connection-state">
          {CONNECTION_LABELS[connection.state]}
        </span>
        <PresenceAvatars provider={provider} />
      </div>
      <div className="card">
        {editable && editor ? (
          <Toolbar editor={editor} />
        ) : (
          !editable && <div className="read-only-banner">Read only: you can read this draft but not change it.</div>
        )}
        <FormError message={error} />
        <div className="editor-surface">
          <EditorContent editor={editor} />
        </div>
      </div>
      </div>
      <aside className="note-side" aria-label="About this note">
        {editor && <UnlinkedMentions editor={editor} directory={directory} editable={editable} />}
      </aside>
    </div>
  );
}
