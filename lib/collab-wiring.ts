import type { CollabOptions } from "@/lib/collab/server";
import { noteLinksSubscriber } from "@/lib/entities/note-links";
import { noteAccess } from "@/lib/notes/collab-access";
import { noteCitationsSubscriber } from "@/lib/sources/note-citations";
import { noteJudgmentsSubscriber } from "@/lib/judgments/note-judgments";
import { noteSuggestionsSubscriber } from "@/lib/suggestions/note-suggestions";
import { approvalWatching } from "@/lib/review/approval-watch";
import { revisionScheduling, type RevisionTiming } from "@/lib/revisions/scheduler";

/**
 * What the collaboration server asks of the rest of Dossier, and what runs
 * as it stores and unloads notes: given to every server where it starts
 * (server.ts, and the tests' and benchmarks' servers, so they run as it
 * does). lib/collab imports none of these modules; they import its hooks.
 */
export function collabWiring(revisions?: RevisionTiming): Pick<CollabOptions, "noteAccess" | "subscribers"> {
  return {
    // Who may open a note's document: asked as a socket authenticates, and again once it is attached.
    noteAccess,
    subscribers: [
      // The note's links to actors and events, rebuilt from a changed body in the store's transaction.
      noteLinksSubscriber,
      // Its citations of the team's sources, likewise.
      noteCitationsSubscriber,
      // Its key judgments and its highest portion mark, likewise.
      noteJudgmentsSubscriber,
      // Its suggestions: who suggested what, open or removed with their passage; the note's author told of new ones.
      noteSuggestionsSubscriber,
      // Automatic revisions: after a pause in editing, and when the last editor leaves.
      revisionScheduling(revisions),
      // Open note pages learn at once when an edit makes the text differ from its approval, or equal it again.
      approvalWatching(),
    ],
  };
}
