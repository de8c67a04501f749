"use client";

import type { Editor } from "@tiptap/core";
import { useEffect, useMemo, useState } from "react";
import { MENTION_NODE } from "@/lib/editor/mentions";
import { findUnlinkedMentions, type UnlinkedMention } from "@/lib/editor/unlinked";
import { ENTITY_KINDS, entityKind, kindsPhrase } from "@/lib/entity-kinds";
import type { EntityDirectory } from "./mentions/entity-directory";
import { groupUnlinked, ignoreKey, readIgnored, writeIgnored, type UnlinkedGroup } from "./unlinked-groups";

/**
 * Names of known actors and events typed as plain text, one card per name
 * (with how often it stands), each turned into mentions with one click, or
 * ignored on this note (remembered in this browser). The change goes
 * through the editor, so through Yjs: collaborators see it at once.
 */
export function UnlinkedMentions({ editor, noteId, directory, editable }: { editor: Editor; noteId: string; directory: EntityDirectory; editable: boolean }) {
  const [entries, setEntries] = useState(() => directory.all());
  useEffect(() => directory.subscribe(() => setEntries(directory.all())), [directory]);
  const names = useMemo(
    () => entries.flatMap((entry) => [entry.name, ...entry.aliases].map((name) => ({ entityId: entry.id, name }))),
    [entries],
  );
  const [found, setFound] = useState<UnlinkedMention[]>([]);
  // Drawn in the browser only (once the editor exists), so what it kept can be read at once.
  const [ignored, setIgnored] = useState(() => readIgnored(noteId));
  const ignore = (next: Set<string>) => {
    setIgnored(next);
    writeIgnored(noteId, next);
  };
  const groups = useMemo(() => groupUnlinked(found, ignored), [found, ignored]);

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

  /** Links every place of a name, last first so that the earlier places stay where the scan found them. */
  function link(group: UnlinkedGroup) {
    const entry = directory.get(group.entityId);
    if (!entry) return;
    // Check the text is still there: a collaborator may have changed it since the scan.
    if (group.mentions.some((mention) => editor.state.doc.textBetween(mention.from, mention.to) !== mention.text)) return setFound(findUnlinkedMentions(editor.state.doc, names));
    const chain = editor.chain();
    for (const mention of [...group.mentions].sort((a, b) => b.from - a.from)) {
      chain.insertContentAt(
        { from: mention.from, to: mention.to },
        { type: MENTION_NODE, attrs: { id: entry.id, label: entry.name, mentionSuggestionChar: entityKind(entry.kind).trigger } },
      );
    }
    chain.run();
  }

  return (
    <section className="side-section" aria-labelledby="unlinked-heading">
      <h3 id="unlinked-heading">Unlinked mentions</h3>
      {groups.length === 0 ? (
        <p className="muted">None: every known {kindsPhrase(ENTITY_KINDS, "one")} named here is linked{ignored.size > 0 ? " or ignored" : ""}.</p>
      ) : (
        <ul className="unlinked">
          {groups.map((group) => {
            const entry = directory.get(group.entityId);
            const places = group.mentions.length;
            return (
              <li key={group.key} data-testid="unlinked-mention">
                <strong>{group.text}</strong>
                {entry && entry.name !== group.text && <span className="muted"> ({entry.name})</span>}
                {places > 1 && <span className="muted"> · {places} places</span>}
                <div className="muted context">…{group.mentions[0].context}…</div>
                <div className="row">
                  {editable && (
                    <button type="button" onClick={() => link(group)} aria-label={`Link “${group.text}” to ${entry?.name ?? "its entry"}${places > 1 ? ` in ${places} places` : ""}`}>
                      {places > 1 ? `Link all ${places}` : "Link"}
                    </button>
                  )}
                  <button type="button" className="link-button" onClick={() => ignore(new Set(ignored).add(ignoreKey(group.entityId, group.text)))} aria-label={`Ignore “${group.text}” on this note`}>
                    Ignore
                  </button>
                </div>
              </li>
            );
          })}
        </ul>
      )}
      {ignored.size > 0 && (
        <button type="button" className="link-button" onClick={() => ignore(new Set())}>
          Show the {ignored.size === 1 ? "name" : `${ignored.size} names`} ignored here again
        </button>
      )}
    </section>
  );
}
