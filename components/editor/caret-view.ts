/**
 * Another writer's caret with their name above it. The name is drawn by CSS
 * from `data-name`, not written as text: the caret stands inside a word, and
 * its label would otherwise be part of the body's text wherever it stands (for
 * copying, for find-in-page, for tests that read the text).
 */
export function caretView(user: { name?: string | null; color?: string | null }): HTMLElement {
  const caret = document.createElement("span");
  caret.classList.add("collaboration-carets__caret");
  // Style properties, not a style attribute: a value that is not a colour is ignored.
  caret.style.borderColor = user.color ?? "";
  const label = document.createElement("span");
  label.classList.add("collaboration-carets__label");
  label.style.backgroundColor = user.color ?? "";
  label.dataset.name = user.name ?? "";
  caret.append(label);
  return caret;
}
