import type { Page } from "@playwright/test";

/** Selects the first occurrence of `text` in the note body, as a user dragging over it would. */
export async function selectText(page: Page, text: string) {
  await page.getByRole("textbox", { name: "Note body" }).evaluate((body, wanted) => {
    const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent?.indexOf(wanted) ?? -1;
      if (at === -1) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + wanted.length);
      const selection = window.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
      return;
    }
    throw new Error(`"${wanted}" is not in the note`);
  }, text);
}
