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
import { PresenceAvatars } from "./PresenceAvatars";
import { Toolbar } from "./Toolbar";
import { CONNECTION_LABELS, useConnectionState } from "./useConnectionState";

export interface EditorUser {
  id: string;
  name: string;
  color: string;
}

interface Props {
  noteId: string;
  user: EditorUser;
  /** What the page knows of the role; the server's answer on the websocket has the last word. */
  readOnly: boolean;
}

export function NoteEditor({ noteId, user, readOnly }: Props) {
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
  return <CollaborativeEditor key={session.doc.guid} {...session} user={user} readOnly={readOnly} />;
}

function CollaborativeEditor({ doc, provider, user, readOnly }: { doc: Y.Doc; provider: HocuspocusProvider; user: EditorUser; readOnly: boolean }) {
  const connection = useConnectionState(provider);
  const editable = !(connection.readOnly ?? readOnly) && connection.state !== "denied";

  const editor = useEditor(
    {
      immediatelyRender: false,
      editable,
      extensions: [
        ...documentExtensions(),
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
    <>
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
        <div className="editor-surface">
          <EditorContent editor={editor} />
        </div>
      </div>
    </>
  );
}
