"use client";

import type { Editor } from "@tiptap/core";
import { useEffect, useMemo, useState } from "react";
import { MENTION_NODE } from "@/lib/editor/mentions";
import { findUnlinkedMentions, type UnlinkedMention } from "@/lib/editor/unlinked";
import { ENTITY_KINDS, entityKind, kindsPhrase } from "@/lib/entity-kinds";
import type { EntityDirectory } from "./mentions/entity-directory";

/**
 * Names of known actors and events typed as plain text, each turned into a
 * mention with one click. The change goes through the editor, so through Yjs:
 * collaborators see it at once.
 */
export function UnlinkedMentions({ editor, directory, editable }: { editor: Editor; directory: EntityDirectory; editable: boolean }) {
  const [entries, setEntries] = useState(() => directory.all());
  useEffect(() => directory.subscribe(() => setEntries(directory.all())), [directory]);
  const names = useMemo(
    () => entries.flatMap((entry) => [entry.name, ...entry.aliases].map((name) => ({ entityId: entry.id, name }))),
    [entries],
  );
  const [found, setFound] = useState<UnlinkedMention[]>([]);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const scan = () => setFound(findUnlinkedMentions(editor.state.doc, names));
    const onUpdate = () => {
      clearTimeout(timer);
      timer = setTimeout(scan, 300);
    };
    scan();
    editor.on("update", onUpdate);
    return () => {
      clearTimeout(timer);
      editor.off("update", onUpdate);
    };
  }, [editor, names]);

  function link(mention: UnlinkedMention) {
    const entry = directory.get(mention.entityId);
    if (!entry) return;
    // Check the text is still there: a collaborator may have changed it since the scan.
    if (editor.state.doc.textBetween(mention.from, mention.to) !== mention.text) return setFound(findUnlinkedMentions(editor.state.doc, names));
    editor
      .chain()
      .insertContentAt(
        { from: mention.from, to: mention.to },
        { type: MENTION_NODE, attrs: { id: entry.id, label: entry.name, mentionSuggestionChar: entityKind(entry.kind).trigger } },
      )
      .run();
  }

  return (
    <section className="side-section" aria-labelledby="unlinked-heading">
      <h3 id="unlinked-heading">Unlinked mentions</h3>
      {found.length === 0 ? (
        <p className="muted">None: every known {kindsPhrase(ENTITY_KINDS, "one")} named here is linked.</p>
      ) : (
        <ul className="unlinked">
          {found.map((mention) => {
            const entry = directory.get(mention.entityId);
            return (
              <li key={`${mention.from}-${mention.entityId}`} data-testid="unlinked-mention">
                <strong>{mention.text}</strong>
                {entry && entry.name !== mention.text && <span className="muted"> ({entry.name})</span>}
                <div className="muted context">…{mention.context}…</div>
                {editable && (
                  <button type="button" onClick={() => link(mention)} aria-label={`Link “${mention.text}” to ${entry?.name ?? "its entry"}`}>
                    Link
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
