"use client";

import { useEffect, useRef } from "react";

const SHORTCUTS: { where: string; keys: [string, string][] }[] = [
  {
    where: "Anywhere",
    keys: [
      ["Ctrl K", "Search the team and go to a note, brief, actor or event"],
      ["Ctrl \\", "Hide or show the sidebar"],
      ["?", "This list"],
      ["Esc", "Close a menu, a picker or this list"],
    ],
  },
  {
    where: "Writing a note",
    keys: [
      ["@", "Mention an actor"],
      ["#", "Mention an event"],
      ["Ctrl Shift C", "Cite a source (or type the team's citation trigger)"],
      ["/", "Insert a block: a heading, a list, a quote, a callout, a table, key judgments, a citation or a divider (type to narrow, Enter to choose)"],
      ["Ctrl B · Ctrl I", "Bold · italic"],
      ["Alt F10", "Into the menu over selected text: bold, italic, strikethrough, code, link, comment (arrows move, Esc goes back)"],
      ["Ctrl Z · Ctrl Shift Z", "Undo · redo your own changes"],
      ["Ctrl Enter", "Send a comment or a reply"],
    ],
  },
  {
    where: "Comparing versions",
    keys: [
      ["n · p", "Next · previous change"],
    ],
  },
];

/** Whether a key press is someone typing: in a field or the editor, "?" is a question mark. */
const typing = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName));

/**
 * The keyboard shortcuts, in a dialog opened with "?" (when not typing) or
 * its button in the header. A native modal dialog: it keeps the focus
 * inside, Esc closes it, and the focus goes back where it was.
 */
export function KeyboardHelp() {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== "?" || event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) return;
      event.preventDefault();
      if (!dialog.current?.open) dialog.current?.showModal();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, []);
  return (
    <>
      <button type="button" className="link-button keyboard-help-button" aria-label="Keyboard shortcuts" title="Keyboard shortcuts (?)" onClick={() => dialog.current?.showModal()}>
        ?
      </button>
      <dialog ref={dialog} className="card keyboard-help" aria-labelledby="keyboard-help-title">
        <h2 id="keyboard-help-title">Keyboard shortcuts</h2>
        <p className="muted">Ctrl is ⌘ on a Mac.</p>
        {SHORTCUTS.map((group) => (
          <section key={group.where}>
            <h3>{group.where}</h3>
            <dl>
              {group.keys.map(([keys, what]) => (
                <div key={keys} className="row">
                  <dt>
                    <kbd>{keys}</kbd>
                  </dt>
                  <dd>{what}</dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
        <form method="dialog">
          <button type="submit" autoFocus>
            Close
          </button>
        </form>
      </dialog>
    </>
  );
}
