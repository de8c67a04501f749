import type { NodeViewRenderer } from "@tiptap/core";
import { citationAttrs } from "@/lib/editor/citations";
import { gradePair } from "@/lib/source-grading";
import { citationNumbers } from "./citation-numbers";
import { citationDetails, citationName, standingWarning } from "./citation-text";
import type { SourceRegister } from "./source-register";
import { editsDirectly } from "../suggestions/edits-directly";

let tooltips = 0;

/** Draws the citations' numbers again: after an edit elsewhere in the document, or news from the register. */
export class CitationViews {
  private readonly views = new Set<() => void>();

  redraw() {
    this.views.forEach((draw) => draw());
  }

  track(draw: () => void): () => void {
    this.views.add(draw);
    return () => this.views.delete(draw);
  }
}

/**
 * A citation drawn as its superscript number (its place among the note's
 * citations), with a popover on hover and on focus: the grade pair and its
 * meaning, the source, locator and date. A citation of a source in question
 * is drawn as a warning, and one of a source the register does not have as
 * a muted "?", with no number, as the server drops it.
 */
export function citationView(register: SourceRegister, views: CitationViews, onOpen: (citationId: string) => void): NodeViewRenderer {
  return ({ node: first, editor, getPos }) => {
    let node = first;
    const dom = document.createElement("sup");
    dom.className = "citation";
    dom.dataset.type = "citation";
    dom.contentEditable = "false";
    dom.setAttribute("role", "button");
    const mark = document.createElement("span");
    mark.className = "citation-mark";
    const tip = document.createElement("span");
    tip.className = "citation-popover";
    tip.setAttribute("role", "tooltip");
    tip.id = `citation-tip-${++tooltips}`;
    dom.setAttribute("aria-describedby", tip.id);
    dom.append(mark, tip);

    const draw = () => {
      const attrs = citationAttrs(node.attrs);
      const pos = typeof getPos === "function" ? getPos() : undefined;
      const number = pos === undefined ? null : (citationNumbers(editor.state.doc, register).get(pos) ?? null);
      const state = attrs ? register.state(attrs.sourceId) : { found: false as const, pending: false };
      // Readers move between citations with Tab; editors reach them with the arrow keys, as any part of the text.
      dom.tabIndex = editor.isEditable ? -1 : 0;
      tip.replaceChildren();
      if (!attrs || !state.found) {
        const pending = !!attrs && !state.found && state.pending;
        dom.className = `citation ${pending ? "citation-pending" : "citation-missing"}`;
        mark.textContent = pending ? "…" : "?";
        tip.textContent = pending ? "Looking up the source…" : "Source not found";
        dom.setAttribute("aria-label", pending ? "Citation: looking up the source" : "Citation: source not found");
        return;
      }
      const warning = standingWarning(state.source.standing);
      dom.className = `citation${warning ? " citation-in-question" : ""}`;
      mark.textContent = number === null ? "?" : String(number);
      dom.setAttribute("aria-label", citationName(number, attrs, state.source));
      const heading = document.createElement("strong");
      heading.className = "citation-grade";
      heading.textContent = gradePair(state.source.reliability, attrs.credibility);
      const list = document.createElement("dl");
      for (const line of citationDetails(attrs, state.source)) {
        const term = document.createElement("dt");
        term.textContent = line.label;
        const value = document.createElement("dd");
        value.textContent = line.value;
        list.append(term, value);
      }
      tip.append(heading, list);
      if (warning) {
        const alert = document.createElement("span");
        alert.className = "citation-warning";
        alert.textContent = warning;
        tip.append(alert);
      }
    };

    const open = (event: Event) => {
      const attrs = citationAttrs(node.attrs);
      if (!editsDirectly(editor) || !attrs) return;
      event.preventDefault();
      onOpen(attrs.id);
    };
    dom.addEventListener("click", open);
    const untrack = views.track(draw);
    draw();
    return {
      dom,
      update(updated) {
        if (updated.type !== node.type) return false;
        node = updated;
        draw();
        return true;
      },
      // The popover is the view's own; ProseMirror leaves it alone.
      ignoreMutation: () => true,
      stopEvent: (event) => event.type === "click",
      destroy: untrack,
    };
  };
}
