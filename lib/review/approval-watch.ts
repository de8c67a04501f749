import type { Document } from "@hocuspocus/server";
import type { NoteSubscriber } from "@/lib/collab/note-hooks";
import { deriveBody } from "@/lib/editor/derive";
import { currentApprovedText } from "./workflow";
import { stableStringify } from "@/lib/stable-json";

/** How long after an edit its note is compared with its approval; edits meanwhile are judged together. */
export const APPROVAL_CHECK_MS = 300;

/** The approved text, as stable JSON; null when the note has no current approval. */
type ApprovedText = string | null;

/**
 * Tells the editors of an approved note, as soon as an edit makes its text
 * differ from the approved revision (or equal to it again), that where it
 * stands in review has changed: their page shows "changed since approval"
 * without a reload.
 *
 * Every process watches the notes it has open, whichever process received
 * the edit (Redis relays edits as updates to the document like any other),
 * and tells its own connections. So each browser hears it once, from the
 * process it is connected to, and a process knows what its own editors were
 * last told.
 *
 * A keystroke costs a map lookup: the approved text (or that there is none) is
 * read once per note and kept until a "review" message says the review
 * changed (the `told` hook, on every process).
 */
class ApprovalWatch {
  private readonly approvals = new Map<string, ApprovedText | Promise<ApprovedText>>();
  /** Whether the text differed from the approved one when the note's editors were last told; absent until told. */
  private readonly told = new Map<string, boolean>();
  private readonly checks = new Map<string, NodeJS.Timeout>();

  /** An edit was applied to an open note. */
  edited(document: Document): void {
    const noteId = document.name;
    if (this.approvals.get(noteId) === null || this.checks.has(noteId)) return;
    // Not restarted by later edits: a steady typist still hears within the delay.
    const check = setTimeout(() => {
      this.checks.delete(noteId);
      this.check(document).catch((error: unknown) => console.error(`approval watch: could not check note ${noteId}:`, error));
    }, APPROVAL_CHECK_MS);
    check.unref();
    this.checks.set(noteId, check);
  }

  /** The review changed (requested, decided, published, restored): read the approval again when it matters. */
  forgetApproval(noteId: string): void {
    this.approvals.delete(noteId);
    this.told.delete(noteId);
  }

  /** The note was closed on this process. */
  unloaded(noteId: string): void {
    clearTimeout(this.checks.get(noteId));
    this.checks.delete(noteId);
    this.forgetApproval(noteId);
  }

  clear(): void {
    for (const check of this.checks.values()) clearTimeout(check);
    this.checks.clear();
    this.approvals.clear();
    this.told.clear();
  }

  private async check(document: Document): Promise<void> {
    const noteId = document.name;
    const approved = await this.approvedText(noteId);
    if (approved === null) return;
    const changed = stableStringify(deriveBody(document).content) !== approved;
    // Until told once since the approval was read, the editors' pages may show either.
    if (this.told.get(noteId) === changed) return;
    this.told.set(noteId, changed);
    for (const connection of document.getConnections()) connection.sendStateless("review");
  }

  private approvedText(noteId: string): Promise<ApprovedText> {
    const known = this.approvals.get(noteId);
    if (known !== undefined) return Promise.resolve(known);
    const reading = currentApprovedText(noteId);
    this.approvals.set(noteId, reading);
    reading.then(
      (text) => {
        // Unless a review message made this reading stale meanwhile.
        if (this.approvals.get(noteId) === reading) this.approvals.set(noteId, text);
      },
      () => {
        if (this.approvals.get(noteId) === reading) this.approvals.delete(noteId);
      },
    );
    return reading;
  }
}

/** A collaboration server's approval watch, fed by its note hooks (lib/collab-wiring.ts). */
export function approvalWatching(): NoteSubscriber {
  const watch = new ApprovalWatch();
  return {
    edited: (document) => watch.edited(document),
    told: (noteId, message) => {
      if (message === "review") watch.forgetApproval(noteId);
    },
    unloaded: async (noteId) => watch.unloaded(noteId),
    destroyed: () => watch.clear(),
  };
}
