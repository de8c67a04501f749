"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { publishAction, unpublishAction } from "@/app/t/[team]/notes/[id]/publish-actions";
import { FormError } from "@/components/FormError";
import { JudgmentRationales } from "./JudgmentRationales";
import type { Visibility } from "@/db/schema";
import type { JudgmentChangeDraft } from "@/lib/judgments/edition-judgments";
import { awaitingReason } from "@/lib/judgments/draft-view";
import { mayBePublic, type TlpLevel } from "@/lib/tradecraft/tlp";
import { useNoteMarking } from "@/components/editor/markings/note-marking-context";
import { PublicRefusal } from "@/components/markings/PublicRefusal";
import { publishRefusal } from "@/lib/review/suggestion-words";

interface Props {
  team: string;
  noteId: string;
  /** The text as it is now carries a current approval. */
  approved: boolean;
  canOverride: boolean;
  published: boolean;
  nextNumber: number;
  /** The readers offered first: the team's default for a first edition, the last edition's readers after. */
  initialVisibility: Visibility;
  /** The banner the edition would carry (the note's marking or a higher portion mark). */
  marking: TlpLevel;
  /** How the text's key judgments stand to the latest edition's; those that changed need a reason. */
  judgmentChanges: JudgmentChangeDraft[];
  /** Suggestions open in the text as it is now: none may be published. */
  openSuggestions: number;
}

const READERS: Record<Visibility, string> = { team: "the team", public: "anyone with the link" };

/** Publish the note as its next edition, for the team or the public; or withdraw it. */
export function PublishPanel({ team, noteId, approved, canOverride, published, nextNumber, initialVisibility, marking: markingOfBody, judgmentChanges, openSuggestions }: Props) {
  const router = useRouter();
  // On the note's page, the banner as the text and the marking stand this moment; the server judges again when publishing.
  const live = useNoteMarking();
  const marking = live?.banner ?? markingOfBody;
  // The choice offered first is the last edition's readers (or the team's default); while the banner allows no public, the team's it is.
  const [chosen, setVisibility] = useState<Visibility>(initialVisibility);
  const visibility = mayBePublic(marking) ? chosen : "team";
  const [summary, setSummary] = useState("");
  const [override, setOverride] = useState(false);
  const [rationales, setRationales] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<{ number: number; path: string } | null>(null);
  const [pending, startTransition] = useTransition();
  // The server refuses without them too; the button waits for them.
  const waiting = awaitingReason(judgmentChanges, rationales);

  const publish = () =>
    startTransition(async () => {
      const result = await publishAction({ team, noteId, visibility, summary, overrideApproval: override, rationales });
      if (!result.ok) return setError(result.error);
      setError(null);
      setDone(result.data);
      setSummary("");
      router.refresh();
    });

  return (
    <div className="publish stack">
      {(approved || canOverride) && (
        <div className="row">
          <fieldset className="reviewer-choice">
            <legend>Readers</legend>
            <label className="inline">
              <input type="radio" name="visibility" checked={visibility === "team"} onChange={() => setVisibility("team")} /> The team
            </label>
            <label className="inline">
              <input
                type="radio"
                name="visibility"
                checked={visibility === "public"}
                disabled={!mayBePublic(marking)}
                onChange={() => setVisibility("public")}
              />{" "}
              Anyone with the link
            </label>
            {!mayBePublic(marking) && <PublicRefusal banner={marking} noteMarking={live?.marking} portionMark={live?.portionMark ?? null} />}
            {nextNumber > 1 && visibility !== initialVisibility && (
              <p className="notice warn" role="status" data-testid="readers-changed">
                Edition {nextNumber - 1} was for {READERS[initialVisibility]}; edition {nextNumber} will be for {READERS[visibility]}.
              </p>
            )}
          </fieldset>
          <JudgmentRationales
            changes={judgmentChanges}
            since={nextNumber - 1}
            rationales={rationales}
            onChange={(key, reason) => setRationales((all) => ({ ...all, [key]: reason }))}
          />
          {nextNumber > 1 && (
            <input value={summary} onChange={(event) => setSummary(event.target.value)} placeholder="What changed in this edition" aria-label="What changed" maxLength={1000} />
          )}
          {!approved && canOverride && (
            <label className="inline">
              <input type="checkbox" checked={override} onChange={(event) => setOverride(event.target.checked)} /> Publish without approval (recorded)
            </label>
          )}
          <button
            className="primary"
            disabled={pending || (!approved && !override) || waiting.length > 0 || openSuggestions > 0}
            onClick={publish}
            aria-describedby="publish-waiting publish-suggestions"
          >
            Publish edition {nextNumber}
          </button>
          {openSuggestions > 0 && (
            <p id="publish-suggestions" className="notice warn" data-testid="publish-suggestions">
              {publishRefusal(openSuggestions)}
            </p>
          )}
          {waiting.length > 0 && (
            <p id="publish-waiting" className="hint">
              Say why {waiting.length === 1 ? "the changed judgment" : `each of the ${waiting.length} changed judgments`} changed to publish.
            </p>
          )}
        </div>
      )}
      {published && (
        <div>
          <button
            className="danger"
            disabled={pending}
            onClick={() => {
              if (!window.confirm("Withdraw this brief from its readers?")) return;
              startTransition(async () => {
                const result = await unpublishAction({ team, noteId });
                setError(result.ok ? null : result.error);
                router.refresh();
              });
            }}
          >
            Unpublish
          </button>
        </div>
      )}
      {done && (
        <p className="notice" role="status">
          Published as edition {done.number}. <a href={done.path}>Read it</a>
        </p>
      )}
      <FormError message={error} />
    </div>
  );
}
