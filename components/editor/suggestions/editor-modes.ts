/** How the editor treats typing: as edits, as suggestions, or not at all. */
export type EditorMode = "edit" | "suggest" | "read";

export const isEditorMode = (value: unknown): value is EditorMode => value === "edit" || value === "suggest" || value === "read";

export const EDITOR_MODE_LABELS: Record<EditorMode, string> = { edit: "Editing", suggest: "Suggesting", read: "Viewing" };

/** What the page says this user may do to the body (the note's `update` and `suggest` abilities). */
export interface BodyAbilities {
  edit: boolean;
  suggest: boolean;
}

/**
 * The modes this user may pick, the first being where the editor opens:
 * whoever may edit gets all three and starts Editing; whoever may only
 * suggest (a reviewer) starts Suggesting; anyone else only views.
 */
export function modesFor({ edit, suggest }: BodyAbilities): EditorMode[] {
  if (edit) return suggest ? ["edit", "suggest", "read"] : ["edit", "read"];
  return suggest ? ["suggest", "read"] : ["read"];
}
