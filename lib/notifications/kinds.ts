import type { Delivery, NotificationKind, ReviewDecision } from "@/db/schema";
import type { Grant } from "@/lib/policies/grants";

/** What a message says of one notification, read when it is written. */
export interface NotificationFacts {
  /** Who did it ("Someone" when their account is gone). */
  actorName: string;
  /** The draft's title, the edition's for a kind that tells of an edition, the team's name for one about the team. */
  title: string;
  teamName: string;
  teamSlug: string;
  noteId: string | null;
  /** The edition a kind that tells of one points at. */
  editionNumber: number | null;
  /** What a review decided (review_decided). */
  decision: ReviewDecision | null;
}

/** What a reviewer did, in the words of a notification: "approved", "asked for changes to". */
export const reviewDecisionWords = (decision: ReviewDecision | null) =>
  decision === "approved" ? "approved" : decision === "changes_requested" ? "asked for changes to" : "reviewed";

/** Everything that differs by kind of notification, for its e-mail and its line on the settings page. */
export interface NotificationKindSpec {
  /** On the settings page: the kind, and when it comes. */
  label: string;
  when: string;
  /** Until the user chooses. */
  byDefault: Delivery;
  /**
   * What the recipient must hold in the team to be told: a kind that quotes a
   * draft needs its drafts, one that tells of an edition needs its briefs.
   * Checked when a message is written and again when it is sent.
   */
  grant: Grant;
  /** Whose title the message shows: the draft note's, the edition's it tells of, or the team's name. */
  title: "note" | "edition" | "team";
  /** The subject of its own message, and its line in a digest. */
  sentence(facts: NotificationFacts): string;
  /** The button of its own message. */
  action: string;
  /** Where it is read, from the app's origin. */
  path(facts: NotificationFacts): string;
}

const notePath = (facts: NotificationFacts) => (facts.noteId ? `/t/${facts.teamSlug}/notes/${facts.noteId}` : "/inbox");
const editionPath = (facts: NotificationFacts) =>
  facts.noteId ? `/b/${facts.teamSlug}/${facts.noteId}${facts.editionNumber ? `/${facts.editionNumber}` : ""}` : "/inbox";
const quoted = (title: string) => `“${title || "Untitled"}”`;

/** One entry a kind: adding a kind of notification is adding its entry (a kind without one fails to compile). */
export const KIND_SPECS: Record<NotificationKind, NotificationKindSpec> = {
  mentioned: {
    label: "Mentions",
    when: "someone mentions you in a comment",
    byDefault: "instant",
    grant: "readDrafts",
    title: "note",
    sentence: (f) => `${f.actorName} mentioned you in ${quoted(f.title)}`,
    action: "Open the note",
    path: notePath,
  },
  replied: {
    label: "Replies",
    when: "someone replies in a comment thread you are part of",
    byDefault: "instant",
    grant: "readDrafts",
    title: "note",
    sentence: (f) => `${f.actorName} replied on ${quoted(f.title)}`,
    action: "Open the note",
    path: notePath,
  },
  review_requested: {
    label: "Review requests",
    when: "someone asks for your review",
    byDefault: "instant",
    grant: "readDrafts",
    title: "note",
    sentence: (f) => `${f.actorName} asked for your review of ${quoted(f.title)}`,
    action: "Review the note",
    path: notePath,
  },
  review_decided: {
    label: "Review decisions",
    when: "a reviewer approves your note or asks for changes",
    byDefault: "instant",
    grant: "readDrafts",
    title: "note",
    sentence: (f) => `${f.actorName} ${reviewDecisionWords(f.decision)} ${quoted(f.title)}`,
    action: "Open the note",
    path: notePath,
  },
  // The excerpt is the suggestion's summary.
  suggested: {
    label: "Suggestions",
    when: "someone suggests changes to a note you wrote",
    byDefault: "instant",
    grant: "readDrafts",
    title: "note",
    sentence: (f) => `${f.actorName} suggested changes to ${quoted(f.title)}`,
    action: "Review the suggestions",
    path: notePath,
  },
  // The excerpt says "accepted" or "rejected", and what was suggested.
  suggestion_decided: {
    label: "Decisions on your suggestions",
    when: "someone accepts or rejects a change you suggested",
    byDefault: "instant",
    grant: "readDrafts",
    title: "note",
    sentence: (f) => `${f.actorName} decided on your suggestion to ${quoted(f.title)}`,
    action: "Open the note",
    path: notePath,
  },
  edition_published: {
    label: "New editions",
    when: "a brief, actor or event you follow has a new edition",
    byDefault: "digest",
    grant: "readBriefs",
    title: "edition",
    sentence: (f) => `${f.actorName} published a new edition of ${quoted(f.title)}`,
    action: "Read the edition",
    path: editionPath,
  },
  // The excerpt says which source and what happened to it.
  source_questioned: {
    label: "Sources in question",
    when: "a source cited in a note you wrote, or in your team's notes if you own it, is retracted or downgraded",
    byDefault: "instant",
    grant: "readDrafts",
    title: "note",
    sentence: (f) => `${f.actorName} put in question a source cited in ${quoted(f.title)}`,
    action: "Open the note",
    path: notePath,
  },
  edition_source_questioned: {
    label: "Sources in question in editions",
    when: "a source cited in an edition you wrote, or in your team's editions if you own it, is retracted or downgraded",
    byDefault: "instant",
    grant: "readBriefs",
    title: "edition",
    sentence: (f) => `${f.actorName} put in question a source cited in ${quoted(f.title)}`,
    action: "Read the edition",
    path: editionPath,
  },
  // The excerpt is the webhook's URL; nobody did it, so the sentence names no one.
  webhook_disabled: {
    label: "Webhooks disabled",
    when: "a webhook of a team you own is disabled after failing again and again",
    byDefault: "instant",
    grant: "manageTeam",
    title: "team",
    sentence: (f) => `A webhook of ${f.title} was disabled after repeated failed deliveries`,
    action: "Open the webhooks",
    path: (f) => `/t/${f.teamSlug}/settings/webhooks`,
  },
};

export const DELIVERY_LABELS: Record<Delivery, string> = {
  instant: "At once",
  digest: "Daily digest",
  off: "Off",
};
