import { expect } from "@playwright/test";
import type { Editor } from "@tiptap/core";
import type { NotePage } from "./pages";

export interface CitedParagraph {
  text: string;
  /** The citation after the paragraph's text, as the source picker would insert it. */
  cite?: { sourceId: string; credibility: string; locator?: string; obtainedOn?: string };
}

/**
 * Writes paragraphs into the note through the page's own editor (TipTap
 * keeps itself on its element), each with its citation node: the edit travels
 * to the server as any keystroke does, through the collaboration socket and
 * its guard, and is stored and derived as any edit is.
 */
export async function writeCitedParagraphs(note: NotePage, paragraphs: CitedParagraph[]) {
  await note.body.evaluate((element, wanted) => {
    const editor = (element as HTMLElement & { editor: Editor }).editor;
    const content = wanted.map(({ text, cite }) => ({
      type: "paragraph",
      content: [
        { type: "text", text },
        ...(cite ? [{ type: "citation", attrs: { id: crypto.randomUUID(), locator: "", obtainedOn: null, ...cite } }] : []),
      ],
    }));
    editor.chain().focus("end").insertContent(content).run();
  }, paragraphs);
}

/** The sources a note cites, in order, as its editor holds them: how a test finds the ids of sources only a note names. */
export async function sourceIdsCitedIn(note: NotePage): Promise<string[]> {
  const read = () =>
    note.body.evaluate((element) => {
      const ids: string[] = [];
      (element as HTMLElement & { editor: Editor }).editor.state.doc.descendants((node) => {
        if (node.type.name === "citation") ids.push(String(node.attrs.sourceId));
      });
      return ids;
    });
  await expect.poll(async () => (await read()).length, { message: "the note's citations are loaded" }).toBeGreaterThan(0);
  return read();
}
