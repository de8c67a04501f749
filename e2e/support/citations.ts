import { expect } from "@playwright/test";
import type { Editor } from "@tiptap/core";
import type { Page } from "@playwright/test";
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

/** Adds a source to the team's register through its form, as an analyst would; returns its id (from the page it leads to). */
export async function addSource(page: Page, team: string, source: { title: string; kind: string; originator: string; grade: string }): Promise<string> {
  await page.goto(`/t/${team}/sources/new`);
  const form = page.getByRole("form", { name: "New source" });
  await form.getByLabel("Title").fill(source.title);
  await form.getByLabel("Kind").selectOption({ label: source.kind });
  await form.getByLabel("Originator", { exact: true }).fill(source.originator);
  await form.getByRole("radio", { name: source.grade }).check();
  await form.getByRole("button", { name: "Add source" }).click();
  await expect(page.getByTestId("source-title")).toHaveText(source.title);
  return page.url().split("/sources/")[1];
}
