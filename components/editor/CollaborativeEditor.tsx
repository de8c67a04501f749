"use client";

import CollaborationCaret from "@tiptap/extension-collaboration-caret";
import { Placeholder } from "@tiptap/extensions";
import { EditorContent, useEditor, type Editor } from "@tiptap/react";
import { useCallback, useEffect, useRef, useState, type RefObject } from "react";
import { collaborationExtensions } from "@/lib/editor/collaboration";
import { deriveBody } from "@/lib/editor/derive";
import { documentExtensions } from "@/lib/editor/extensions";
import { discardStoredEdits } from "./offline/offline-store";
import type { NoteSession } from "./offline/note-session";
import { useNoteLoaded } from "./useNoteLoaded";
import { StoredEditsRefusal } from "./offline/StoredEditsRefusal";
import { useServerRefusal } from "./offline/useServerRefusal";
import { CitationMarks, citationMarksKey } from "./citations/citation-marks";
import { CitationKeys } from "./citations/citation-keys";
import { citationView, CitationViews } from "./citations/citation-view";
import type { CitingStep } from "./citations/citing";
import { CitingPanel } from "./citations/CitingPanel";
import { SourceRegister } from "./citations/source-register";
import { useCitationUpkeep } from "./citations/useCitationUpkeep";
import { useUncitedToggle } from "./citations/useUncitedToggle";
import { CommentHighlights, commentHighlightsKey } from "./comments/comment-highlights";
import { CommentsPanel } from "./comments/CommentsPanel";
import { useCommentThreads } from "./comments/useCommentThreads";
import { useCommentDraft } from "./comments/useCommentDraft";
import { SuggestionPanel, type Person } from "./suggestions/SuggestionPanel";
import { EntityDirectory } from "./mentions/entity-directory";
import { mentionChip } from "./mentions/mention-chip";
import { mentionSuggestions, type CreatedFromMention } from "./mentions/mention-suggestions";
import { NewEntityDetails } from "./mentions/NewEntityDetails";
import { PresenceAvatars } from "./PresenceAvatars";
import { useCaretActivity } from "./caret-activity";
import { caretView } from "./caret-view";
import { UnlinkedMentions } from "./UnlinkedMentions";
import { Toolbar } from "./Toolbar";
import { SelectionMenu } from "./SelectionMenu";
import { SlashMenu } from "./slash/slash-menu";
import { PortionMarkWatcher } from "./markings/PortionMarkWatcher";
import { ConnectionStatus } from "./ConnectionStatus";
import { useAccess } from "./useConnectionState";
import { FormError } from "@/components/FormError";
import { useRefreshOn } from "./useRefreshOn";
import { useRefreshOnReauthentication } from "./useRefreshOnReauthentication";
import { FindingPopover } from "./estimative/FindingPopover";
import { useEstimativeMarks, useEstimativeUpkeep, type EstimativeSettings } from "./estimative/useEstimativeMarks";
import { goToKeyJudgments } from "./judgments/judgment-commands";
import { JudgmentKeys } from "./judgments/judgment-keys";
import { judgmentNodeView, keyJudgmentsNodeView } from "./judgments/JudgmentView";
import { LIKELIHOOD_SCALES } from "@/lib/tradecraft/likelihood";
import { modesFor } from "./suggestions/editor-modes";
import { EditorModeSwitch } from "./suggestions/EditorModeSwitch";
import { SuggestingMode } from "@/lib/editor/suggestions/suggesting-mode";
import { useEditorMode } from "./suggestions/useEditorMode";

export interface EditorUser {
  id: string;
  name: string;
  color: string;
}

interface EditorProps {
  team: string;
  noteId: string;
  canComment: boolean;
  canSuggest: boolean;
  session: NoteSession;
  /** Where the editor is kept once made, for the body guard to take it down. */
  shownInRef: RefObject<Editor | null>;
  /** A change from elsewhere could not be drawn: the editor must be stopped at once. */
  onRenderFailure: (problem: string) => void;
  user: EditorUser;
  readOnly: boolean;
  directory: EntityDirectory;
  openThread?: string;
  citationTrigger: string;
  estimative: EstimativeSettings;
  people: Person[];
  ignoredNames: string[];
}

/**
 * The editor of one opened note session: the text with its marks, menus and
 * popovers, and beside it the suggestions, comments and unlinked mentions.
 */
export function CollaborativeEditor({
  team,
  noteId,
  canComment,
  canSuggest,
  session,
  shownInRef,
  onRenderFailure,
  user,
  readOnly,
  directory,
  openThread,
  citationTrigger,
  estimative,
  people,
  ignoredNames,
}: EditorProps) {
  const { doc, provider, pending } = session;
  const access = useAccess(provider);
  const refusedByServer = useServerRefusal(session);
  const [error, setError] = useState<string | null>(null);
  const { threads, reload, announcement } = useCommentThreads(team, noteId, provider, canComment, user.id);
  const [activeThread, setActiveThread] = useState<string | null>(openThread ?? null);
  const [register] = useState(() => new SourceRegister(team));
  const [citationViews] = useState(() => new CitationViews());
  const [citing, setCiting] = useState<CitingStep | null>(null);
  const [newEntity, setNewEntity] = useState<CreatedFromMention | null>(null);
  const closeNewEntity = useCallback(() => setNewEntity(null), []);
  const [showUncited, toggleUncited] = useUncitedToggle();
  // The highlight plugin reads these on every redraw, through closures it is
  // given once when the editor is made. The refs rule is off for this block:
  // the refs are written in render so any redraw sees the latest threads, and
  // only the plugin reads them, never render.
  /* eslint-disable react-hooks/refs */
  const highlighted = useRef(threads);
  highlighted.current = threads.filter((thread) => !thread.resolved);
  const active = useRef(activeThread);
  active.current = activeThread;
  const uncitedShown = useRef(showUncited);
  uncitedShown.current = showUncited;
  const modes = modesFor({ edit: !readOnly, suggest: canSuggest });
  const [mode, setMode] = useEditorMode(noteId, modes);
  const suggesting = useRef(mode === "suggest");
  suggesting.current = mode === "suggest";
  // The page's abilities decide the modes offered; the server's answer on the websocket has the last word.
  const loaded = useNoteLoaded(session);
  const editable = loaded && mode !== "read" && !(access.readOnly ?? false) && !access.denied;
  const estimativeMarks = useEstimativeMarks(estimative, editable);

  const editor = useEditor(
    {
      immediatelyRender: false,
      editable,
      extensions: [
        ...documentExtensions({
          mentionSuggestions: mentionSuggestions(team, directory, { onError: setError, onCreated: setNewEntity }),
          mentionNodeView: mentionChip(team, directory),
          citationNodeView: citationView(register, citationViews, (citationId) => setCiting({ step: "edit", citationId })),
          keyJudgmentsNodeView,
          judgmentNodeView: judgmentNodeView(LIKELIHOOD_SCALES[estimative.scale]),
        }),
        JudgmentKeys,
        CitationKeys.configure({ register, trigger: citationTrigger, open: setCiting }),
        // A team whose citation trigger starts with a slash keeps the slash for citing.
        ...(citationTrigger.startsWith("/") ? [] : [SlashMenu.configure({ actions: { cite: () => setCiting({ step: "pick", query: "" }) } })]),
        CitationMarks.configure({
          showUncited: () => uncitedShown.current,
          standingOf: (sourceId) => {
            const state = register.state(sourceId);
            return state.found ? state.source.standing : undefined;
          },
        }),
        ...collaborationExtensions({ document: doc, onRenderFailure }),
        CollaborationCaret.configure({ provider, user, render: caretView }),
        Placeholder.configure({ placeholder: "Write your analysis…" }),
        CommentHighlights.configure({ threads: () => highlighted.current, activeThread: () => active.current, onThreadClick: setActiveThread }),
        estimativeMarks.extension,
        SuggestingMode.configure({ isSuggesting: () => suggesting.current, author: user.id }),
        /* eslint-enable react-hooks/refs */
      ],
      editorProps: { attributes: { role: "textbox", "aria-multiline": "true", "aria-label": "Note body", class: "note-body" } },
    },
    [doc, provider],
  );

  const comment = useCommentDraft(editor);
  const [surface, setSurface] = useState<HTMLDivElement | null>(null);

  useEffect(() => {
    shownInRef.current = editor;
  }, [shownInRef, editor]);

  useEffect(() => {
    editor?.setEditable(editable);
    // Citations are reached with Tab only where the text cannot be edited.
    citationViews.redraw();
  }, [editor, editable, citationViews]);

  useEffect(() => {
    if (editor && !editor.isDestroyed) editor.view.dispatch(editor.state.tr.setMeta(commentHighlightsKey, true));
  }, [editor, threads, activeThread]);

  useCitationUpkeep(editor, register, citationViews);
  useEstimativeUpkeep(editor, provider, estimativeMarks, estimative, editable);
  useCaretActivity(editor, provider);
  useEffect(() => {
    if (editor && !editor.isDestroyed) editor.view.dispatch(editor.state.tr.setMeta(citationMarksKey, true));
  }, [editor, showUncited]);
  // Someone who may no longer write (a role changed) cannot go on citing; nor can a suggestion cite, as citing registers a source.
  const editing = editable && mode === "edit";
  const citingStep = editing ? citing : null;

  // A review decision elsewhere: show the note's new status.
  useRefreshOn(provider, "review");
  // A role changed: offer the modes the new role allows.
  useRefreshOnReauthentication(provider);

  // Warn before leaving while edits are not yet acknowledged by the server.
  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (provider.hasUnsyncedChanges || pending.count > 0) event.preventDefault();
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [provider, pending]);

  return (
    <div className="note-layout">
      <div className="note-main">
      <div className="note-bar">
        <ConnectionStatus provider={provider} pending={pending} kept={session.kept} reading={loaded && !editable} />
        <PresenceAvatars provider={provider} />
      </div>
      {refusedByServer && (
        <StoredEditsRefusal
          pending={pending.count}
          text={() => deriveBody(doc).text}
          onDiscard={async () => {
            // The changes are in this page's document: let go of the store, and open the note afresh from the server.
            await session.persistence?.destroy();
            await discardStoredEdits(session.storeName);
            window.location.reload();
          }}
        />
      )}
      <div className="card">
        {modes.length > 1 && <EditorModeSwitch modes={modes} mode={mode} onChange={setMode} />}
        {editable && editor ? (
          <Toolbar
            editor={editor}
            suggesting={mode === "suggest"}
            onCite={() => setCiting({ step: "pick", query: "" })}
            citeTrigger={citationTrigger}
            showUncited={showUncited}
            onToggleUncited={toggleUncited}
            onKeyJudgments={() => goToKeyJudgments(editor)}
          />
        ) : (
          !editable && modes.length === 1 && <div className="read-only-banner">Read only: you can read this draft but not change it.</div>
        )}
        {!loaded && (
          <p className="loading-note" role="status">
            Opening the note…
          </p>
        )}
        <FormError message={error} />
        <div className="editor-surface" aria-busy={!loaded} ref={setSurface}>
          {editor && <PortionMarkWatcher editor={editor} />}
          <EditorContent editor={editor} />
          {editor && surface && <SelectionMenu editor={editor} surface={surface} suggesting={mode === "suggest"} onComment={canComment && !comment.draft ? comment.start : undefined} />}
        </div>
        {editor && <FindingPopover editor={editor} team={team} noteId={noteId} canSetAside={editing} />}
        {editor && editing && newEntity && <NewEntityDetails key={newEntity.id} editor={editor} team={team} entity={newEntity} onClose={closeNewEntity} />}
        {editor && citingStep && <CitingPanel key={citingStep.step} editor={editor} team={team} register={register} step={citingStep} go={setCiting} />}
      </div>
      </div>
      <aside className="note-side" aria-label="About this note">
        <p className="sr-only" role="status" data-testid="comment-announcement">
          {announcement}
        </p>
        {editor && (
          <SuggestionPanel
            editor={editor}
            team={team}
            noteId={noteId}
            userId={user.id}
            people={people}
            canDecide={editable}
            canComment={canComment}
            threads={threads}
            reload={reload}
          />
        )}
        {editor && canComment && (
          <CommentsPanel
            editor={editor}
            team={team}
            noteId={noteId}
            userId={user.id}
            threads={threads}
            reload={reload}
            activeThread={activeThread}
            onActivate={setActiveThread}
            linkedThread={openThread}
            comment={comment}
          />
        )}
        {editor && (
          <UnlinkedMentions editor={editor} provider={provider} team={team} noteId={noteId} directory={directory} editable={editable} mayIgnore={!readOnly} ignoredNames={ignoredNames} />
        )}
      </aside>
    </div>
  );
}
