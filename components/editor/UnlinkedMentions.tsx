"use client";

import type { Editor } from "@tiptap/core";
import { useEffect, useMemo, useState } from "react";
import { MENTION_NODE } from "@/lib/editor/mentions";
import { findUnlinkedMentions, type UnlinkedMention } from "@/lib/editor/unlinked";
import { ENTITY_KINDS, entityKind, kindsPhrase } from "@/lib/entity-kinds";
import type { EntityDirectory } from "./mentions/entity-directory";
import type { HocuspocusProvider } from "@hocuspocus/provider";
import { FormError } from "@/components/FormError";
import { groupUnlinked, type UnlinkedGroup } from "./unlinked-groups";
import { useIgnoredNames } from "./useIgnoredNames";
import { useRefreshOn } from "./useRefreshOn";

interface Props {
  editor: Editor;
  provider: HocuspocusProvider;
  team: string;
  noteId: string;
  directory: EntityDirectory;
  /** Whether the text can be changed now (a link is an edit). */
  editable: boolean;
  /** Whether the member may change the note: only its writers ignore a name for everyone. */
  mayIgnore: boolean;
  /** The names ignored on this note, as the page was drawn. */
  ignoredNames: string[];
}

/**
 * Names of known actors and events typed as plain text, one card per name
 * (with how often it stands), each turned into mentions with one click, or
 * ignored on this note for everyone who opens it. A link goes through the
 * editor, so through Yjs: collaborators see it at once; an ignored name is
 * kept with the note and its open editors are told to read the page again.
 */
export function UnlinkedMentions({ editor, provider, team, noteId, directory, editable, mayIgnore, ignoredNames }: Props) {
  const [entries, setEntries] = useState(() => directory.all());
  useEffect(() => directory.subscribe(() => setEntries(directory.all())), [directory]);
  const names = useMemo(
    () => entries.flatMap((entry) => [entry.name, ...entry.aliases].map((name) => ({ entityId: entry.id, name }))),
    [entries],
  );
  const [found, setFound] = useState<UnlinkedMention[]>([]);
  const { ignored, ignore, showAgain, error, pending } = useIgnoredNames(team, noteId, ignoredNames);
  // Ignored or shown again elsewhere: the page reads the note's ignored names again.
  useRefreshOn(provider, "unlinked");
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
                  {mayIgnore && (
                    <button type="button" className="link-button" onClick={() => ignore(group)} aria-disabled={pending || undefined} aria-label={`Ignore “${group.text}” on this note`}>
                      Ignore
                    </button>
                  )}
                </div>
              </li>
            );
          })}
        </ul>
      )}
      {ignored.size > 0 && mayIgnore && (
        <button type="button" className="link-button" onClick={showAgain} aria-disabled={pending || undefined}>
          Show the {ignored.size === 1 ? "name" : `${ignored.size} names`} ignored here again
        </button>
      )}
      <FormError message={error} />
    </section>
  );
}
