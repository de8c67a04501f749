import Link from "next/link";
import type { Note, Visibility } from "@/db/schema";
import { abilities, type Actor } from "@/lib/policies";
import { userNames } from "@/lib/revisions/queries";
import { approvalState } from "@/lib/review/workflow";
import { ReviewControls } from "./ReviewControls";
import { PublishPanel } from "@/components/briefs/PublishPanel";
import { SourcingSummary } from "@/components/briefs/SourcingSummary";
import { EstimativeSummary } from "@/components/briefs/EstimativeSummary";
import { findingsOfBody, type SetAsideFinding } from "@/lib/judgments/estimative-findings";
import { currentBody } from "@/lib/collab/current-body";
import { listEditions } from "@/lib/publishing/queries";
import { sourcingOfBody } from "@/lib/sources/sourcing";
import { bannerMarking } from "@/lib/editor/portion-marks";
import { judgmentChanges } from "@/lib/judgments/edition-judgments";
import type { TeamTradecraft } from "@/lib/teams/tradecraft";
import { suggestionsIn } from "@/lib/editor/suggestions/read";
import { CARRIED_SUGGESTIONS_RULE, openSuggestionCount } from "@/lib/review/suggestion-words";

/**
 * Where a note stands in review: who asked, who decided, what they said, and
 * whether the text changed since it was approved. The controls shown are the
 * review policy's answers for this member and note; the server asks it again.
 */
export async function WorkflowPanel({
  team,
  note,
  actor,
  reviewers,
  defaultVisibility,
  tradecraft,
  setAside,
}: {
  team: string;
  note: Note;
  actor: Actor;
  reviewers: { id: string; name: string }[];
  /** The team's choice for a brief's first edition (its settings). */
  defaultVisibility: Visibility;
  /** The team's standards and the note's passages set aside, as the page read them for the editor too. */
  tradecraft: TeamTradecraft;
  setAside: readonly SetAsideFinding[];
}) {
  // The body as it is now, read at most once, for the approval's comparison and the sourcing, and only if either asks.
  let reading: ReturnType<typeof currentBody> | undefined;
  const bodyNow = () => (reading ??= currentBody(note.id));
  const [{ review, changedSinceApproval }, editions] = await Promise.all([approvalState(note, bodyNow), listEditions(note.id)]);
  const may = abilities(actor, "review", { note, review, changedSinceApproval });
  const mayUnpublish = abilities(actor, "note", note).unpublish;
  const mayPublish = may.publish || may.publishWithoutApproval;
  // Of the body as it is now: what would be published.
  const sourcing = mayPublish ? await sourcingOfBody(note.teamId, (await bodyNow()).content) : null;
  // Its estimative language, for those who publish or write it: a warning, never a block.
  const estimative = mayPublish || abilities(actor, "note", note).update ? findingsOfBody((await bodyNow()).content, tradecraft, setAside) : null;
  // The banner the next edition would carry, and how its judgments stand to the latest edition's.
  const publishing = mayPublish
    ? {
        marking: bannerMarking(note.marking, (await bodyNow()).content),
        judgments: await judgmentChanges(note.id, (await bodyNow()).content, tradecraft.scale),
      }
    : null;
  // Open in the text as it is now: listed for everyone here, and what approving carries and publishing waits for.
  const suggestions = suggestionsIn((await bodyNow()).content);
  const carried = review?.state === "approved" && !changedSinceApproval && suggestions.length > 0;
  const names = await userNames(
    [review?.requestedBy, review?.decidedBy, ...(review?.reviewers ?? []), ...suggestions.map((suggestion) => suggestion.author)].filter((id): id is string => Boolean(id)),
  );
  const name = (id: string | null | undefined) => (id ? (names.get(id) ?? "someone") : "someone");

  return (
    <section className="workflow card padded" aria-label="Review">
      {/* Those who may ask have the button that says it; anyone else is told, rather than shown an empty panel. */}
      {!review && !may.request && <p className="muted">No review has been asked for yet.</p>}
      {review?.state === "pending" && (
        <p>
          Review requested by {name(review.requestedBy)}
          {review.reviewers.length > 0 ? ` from ${review.reviewers.map(name).join(", ")}` : " from any reviewer"}.
        </p>
      )}
      {review?.state === "approved" && (
        <p data-testid="approval">
          Approved by {name(review.decidedBy)}
          {review.summary && `: “${review.summary}”`}
        </p>
      )}
      {review?.state === "changes_requested" && (
        <p>
          {name(review.decidedBy)} asked for changes: “{review.summary}”
        </p>
      )}
      {changedSinceApproval && review?.approvedRevisionId && (
        <p className="notice warn" data-testid="changed-since-approval">
          Changed since approval: publishing {note.status === "published" ? "a new edition " : ""}needs a new approval.{" "}
          <Link href={`/t/${team}/notes/${note.id}/history/compare?from=${review.approvedRevisionId}&to=current`}>See what changed</Link>
        </p>
      )}
      {suggestions.length > 0 && (
        <div className="open-suggestions stack" data-testid="open-suggestions">
          <h3>{openSuggestionCount(suggestions.length)}</h3>
          <ol>
            {suggestions.map((suggestion) => (
              <li key={suggestion.id}>
                {suggestion.summary} <span className="muted">· {name(suggestion.author)}</span>
              </li>
            ))}
          </ol>
          {carried && (
            <p className="notice warn" data-testid="carried-suggestions">
              Approved carrying {openSuggestionCount(suggestions.length)}. {CARRIED_SUGGESTIONS_RULE}
            </p>
          )}
        </div>
      )}
      {editions.length > 0 && (
        <p className="editions-line">
          Published:{" "}
          {editions.map((edition, i) => (
            <span key={edition.id}>
              {i > 0 && ", "}
              {edition.withdrawnAt ? (
                <s>edition {edition.number}</s>
              ) : (
                <Link href={`/b/${team}/${note.id}/${edition.number}`}>
                  edition {edition.number} ({edition.visibility === "public" ? "public" : "team"})
                </Link>
              )}
            </span>
          ))}
        </p>
      )}
      {sourcing && <SourcingSummary report={sourcing} />}
      {estimative && <EstimativeSummary findings={estimative} />}
      {(mayPublish || mayUnpublish) && (
        <PublishPanel
          team={team}
          noteId={note.id}
          approved={may.publish}
          canOverride={may.publishWithoutApproval}
          published={editions.some((e) => !e.withdrawnAt)}
          nextNumber={(editions[0]?.number ?? 0) + 1}
          // A later edition is offered to the readers of the one before.
          initialVisibility={editions[0]?.visibility ?? defaultVisibility}
          marking={publishing?.marking ?? note.marking}
          judgmentChanges={publishing?.judgments ?? []}
          openSuggestions={suggestions.length}
        />
      )}
      <ReviewControls
        team={team}
        noteId={note.id}
        canRequest={may.request}
        canDecide={may.decide}
        reviewers={reviewers}
        openSuggestions={suggestions.length}
      />
    </section>
  );
}
